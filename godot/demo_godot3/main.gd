# Avatar Mirror client for Godot 3.2: connects to the server's WebSocket, downloads each new
# character's .glb (mesh_url) and builds it with glb_loader.gd, applies every pose_update's bone
# rotations with Skeleton.set_bone_pose, swaps in the refined mesh of an avatar_updated (keeping
# the pose), and removes people who left. Protocol: docs/protocol.md.
#
# User arguments (after "--"): --url ws://host:port   --token SECRET
# Test mode: --mirror-test [--updates N] [--tolerance M] [--expect-version V] [--screenshot FILE.png]
# checks, after N applied pose updates (and, with --expect-version, 10 more once an avatar of
# version V replaced the first), that each bone head lies where the message's joints say (metres), prints
# "AVATAR_MIRROR_TEST ..." and quits: 0 pass, 2 joints off, 3 no connection or timeout,
# 4 avatar failed to load, 5 screenshot failed.
extends Spatial

const GlbLoader = preload("res://glb_loader.gd")
const CHECKED_JOINTS = {
	"LeftUpperArm": "left_shoulder", "LeftLowerArm": "left_elbow", "LeftHand": "left_wrist",
	"RightLowerArm": "right_elbow", "RightHand": "right_wrist", "LeftLowerLeg": "left_knee",
	"LeftFoot": "left_ankle", "RightFoot": "right_ankle"
}

var url = "ws://127.0.0.1:8765"
var token = ""
var test_mode = false
var updates_wanted = 30
var tolerance = 0.01
var screenshot_path = ""
var version_wanted = 1
var updates_since_version = 0
var client = WebSocketClient.new()
var avatars = {}  # person id -> Spatial holding Skeleton
var versions = {}  # person id -> version of the avatar shown
var applied_updates = 0
var max_error = 0.0
var elapsed = 0.0
var finishing = false


func _ready():
	_read_arguments()
	client.set_buffers(4096, 1024, 64, 64)
	client.connect("data_received", self, "_on_data")
	client.connect("connection_error", self, "_on_connection_error")
	client.connect("connection_closed", self, "_on_closed")
	var target = url
	if token != "":
		target = url + "/?token=" + token
	if client.connect_to_url(target) != OK:
		_finish(3, "cannot connect to " + url)


func _read_arguments():
	var args = OS.get_cmdline_args()
	for i in range(args.size()):
		var value = ""
		if i + 1 < args.size():
			value = args[i + 1]
		match args[i]:
			"--url":
				url = value
			"--token":
				token = value
			"--mirror-test":
				test_mode = true
			"--updates":
				updates_wanted = int(value)
			"--tolerance":
				tolerance = float(value)
			"--screenshot":
				screenshot_path = value
			"--expect-version":
				version_wanted = int(value)


func _process(delta):
	client.poll()
	elapsed += delta
	if test_mode and elapsed > 45.0 and not finishing:
		_finish(3, "timed out after %d pose updates" % applied_updates)


func _on_data():
	var text = client.get_peer(1).get_packet().get_string_from_utf8()
	var parsed = JSON.parse(text)
	if parsed.error != OK or typeof(parsed.result) != TYPE_DICTIONARY:
		push_warning("avatar_mirror: a message was not JSON")
		return
	var message = parsed.result
	var data = message.get("data", {})
	match message.get("type", ""):
		"new_character":
			_download_avatar(int(data["person_id"]), data["mesh_url"], int(data.get("version", 1)))
		"avatar_updated":
			var person_id = int(data["person_id"])
			if avatars.has(person_id) and int(data["version"]) > versions.get(person_id, 0):
				_download_avatar(person_id, data["mesh_url"], int(data["version"]))
		"pose_update":
			_apply_pose_update(data)
		"person_left":
			_remove_person(int(data["person_id"]))


func _download_avatar(person_id: int, mesh_url: String, version: int):
	var request = HTTPRequest.new()
	add_child(request)
	request.connect("request_completed", self, "_on_avatar_downloaded", [person_id, version, request])
	var headers = []
	if token != "":
		headers.append("Authorization: Bearer " + token)
	if request.request(mesh_url, headers) != OK:
		_finish(4, "cannot request " + mesh_url)


func _on_avatar_downloaded(result, code, _headers, body, person_id, version, request):
	request.queue_free()
	if result != HTTPRequest.RESULT_SUCCESS or code != 200:
		_finish(4, "avatar download failed: result %d, HTTP %d" % [result, code])
		return
	var avatar = GlbLoader.new().load_glb(body)
	if avatar == null:
		_finish(4, "avatar .glb could not be built")
		return
	var updating = avatars.has(person_id) and version > 1
	if updating and version <= versions.get(person_id, 0):
		avatar.free()  # a newer version arrived first
		return
	if updating:
		_copy_pose(avatars[person_id].get_node("Skeleton"), avatar.get_node("Skeleton"))
		avatars[person_id].name = "Person%dOld" % person_id
	_remove_person(person_id)
	avatar.name = "Person%d" % person_id
	add_child(avatar)
	avatars[person_id] = avatar
	versions[person_id] = version
	if updating:
		print("avatar_mirror: person %d has avatar version %d" % [person_id, version])
	else:
		print("avatar_mirror: person %d has an avatar" % person_id)


# The refined avatar takes over the pose the old one shows, bone by bone (same skeleton).
func _copy_pose(from: Skeleton, to: Skeleton):
	for bone in range(from.get_bone_count()):
		var target = to.find_bone(from.get_bone_name(bone))
		if target >= 0:
			to.set_bone_pose(target, from.get_bone_pose(bone))


func _remove_person(person_id: int):
	if avatars.has(person_id):
		avatars[person_id].queue_free()
		avatars.erase(person_id)
		versions.erase(person_id)


func _apply_pose_update(persons: Dictionary):
	for key in persons.keys():
		var person_id = int(key)
		if not avatars.has(person_id):
			continue
		var skeleton = avatars[person_id].get_node("Skeleton")
		var bones = persons[key]["bones"]
		for bone_name in bones.keys():
			var bone = skeleton.find_bone(bone_name)
			if bone < 0:
				continue
			var q = bones[bone_name]
			skeleton.set_bone_pose(bone, Transform(Basis(Quat(q[0], q[1], q[2], q[3]))))
		if test_mode:
			_check_joints(skeleton, persons[key]["joints"])


# Joints are compared relative to the hips: the message's positions are centred between the
# hips, while the avatar's skeleton may stand anywhere in its own space (feet on the floor).
func _check_joints(skeleton: Skeleton, joints: Dictionary):
	var hips_expected = (_godot_point(joints["left_hip"]) + _godot_point(joints["right_hip"])) / 2
	var hips_actual = skeleton.get_bone_global_pose(skeleton.find_bone("Hips")).origin
	for bone_name in CHECKED_JOINTS.keys():
		var expected = _godot_point(joints[CHECKED_JOINTS[bone_name]]) - hips_expected
		var actual = skeleton.get_bone_global_pose(skeleton.find_bone(bone_name)).origin - hips_actual
		max_error = max(max_error, actual.distance_to(expected))
	applied_updates += 1
	if _shown_version() >= version_wanted:
		updates_since_version += 1
	if applied_updates >= updates_wanted and updates_since_version >= 10 and not finishing:
		if max_error > tolerance:
			_finish(2, "joints off by up to %f m" % max_error)
		else:
			_finish(0, "ok")


func _shown_version() -> int:
	var newest = 0
	for person_id in versions.keys():
		newest = max(newest, versions[person_id])
	return newest


func _godot_point(joint: Dictionary) -> Vector3:
	var p = joint["position"]
	return Vector3(p[0], -p[1], -p[2])


func _finish(code: int, why: String):
	finishing = true
	print("AVATAR_MIRROR_TEST updates=%d max_error=%f version=%d status=%d %s" % [applied_updates, max_error, _shown_version(), code, why])
	if code == 0 and screenshot_path != "":
		yield(get_tree(), "idle_frame")
		yield(get_tree(), "idle_frame")
		yield(get_tree(), "idle_frame")
		var image = get_viewport().get_texture().get_data()
		image.flip_y()
		if image.save_png(screenshot_path) != OK:
			code = 5
	get_tree().quit(code)


func _on_connection_error():
	if test_mode:
		_finish(3, "connection error")


func _on_closed(_was_clean = false):
	if test_mode and not finishing:
		_finish(3, "connection closed")
	avatars.clear()
