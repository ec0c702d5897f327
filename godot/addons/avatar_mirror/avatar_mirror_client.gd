# Avatar Mirror client for Godot 4: add this node to a 3D scene, set `url`, run. It connects
# with WebSocketPeer (reconnecting every `reconnect_seconds` while the mirror is away), downloads
# each new_character's .glb (data.mesh_url) and loads it at run time with GLTFDocument as a child
# of this node, applies every pose_update's bone rotations (rest rotation * q, docs/skeleton.md),
# swaps in the refined mesh of an avatar_updated (keeping the current pose), and removes people
# who left. Every message is {"type": T, "data": {...}} (docs/protocol.md).
# Runs natively and in a web export (the mirror answers CORS for mesh_url). Tested on a real
# Godot 4.6 by tests/e2e (tests/godot4_client, run in chromium by tests/godot4_web).
class_name AvatarMirrorClient
extends Node3D

signal avatar_added(person_id: int, avatar: Node3D)
signal avatar_updated(person_id: int, avatar: Node3D, version: int)
signal avatar_removed(person_id: int)
signal avatar_failed(person_id: int, reason: String)
signal pose_applied(person_id: int, skeleton: Skeleton3D, pose: Dictionary)

@export var url := "ws://127.0.0.1:8765"
@export var token := ""
@export var spacing := 0.9  # metres between people standing side by side
@export var reconnect_seconds := 2.0

var _socket := WebSocketPeer.new()
var _avatars := {}  # person id -> Node3D
var _skeletons := {}  # person id -> Skeleton3D
var _versions := {}  # person id -> version of the avatar shown
var _since_attempt := 0.0


func _ready():
	_connect_socket()


func _connect_socket():
	_since_attempt = 0.0
	_socket = WebSocketPeer.new()
	_socket.inbound_buffer_size = 4 * 1024 * 1024
	var target := url if token == "" else url + "/?token=" + token.uri_encode()
	var err := _socket.connect_to_url(target)
	if err != OK:
		push_error("avatar_mirror: cannot connect to %s (error %d): is the mirror running?" % [url, err])


func _process(delta):
	_socket.poll()
	match _socket.get_ready_state():
		WebSocketPeer.STATE_OPEN:
			while _socket.get_available_packet_count() > 0:
				_handle(_socket.get_packet().get_string_from_utf8())
		WebSocketPeer.STATE_CLOSED:
			_since_attempt += delta
			if _since_attempt >= reconnect_seconds:
				_clear()
				_connect_socket()


func _handle(text: String):
	var message = JSON.parse_string(text)
	if typeof(message) != TYPE_DICTIONARY or typeof(message.get("data")) != TYPE_DICTIONARY:
		push_warning("avatar_mirror: a message was not {type, data} JSON")
		return
	var data: Dictionary = message["data"]
	match message.get("type", ""):
		"new_character":
			_download(int(data["person_id"]), _reachable(data["mesh_url"]), int(data.get("version", 1)))
		"avatar_updated":
			var person_id := int(data["person_id"])
			if _avatars.has(person_id) and int(data["version"]) > _versions.get(person_id, 0):
				_download(person_id, _reachable(data["mesh_url"]), int(data["version"]))
		"pose_update":
			_apply(data)
		"person_left":
			_remove(int(data["person_id"]))


# A mirror listening on 0.0.0.0 announces that address: use the host this client connected to.
func _reachable(mesh_url: String) -> String:
	if not mesh_url.contains("://0.0.0.0:"):
		return mesh_url
	var host := url.split("://")[-1].split("/")[0].split(":")[0]
	return mesh_url.replace("://0.0.0.0:", "://" + host + ":")


func _download(person_id: int, mesh_url: String, version: int):
	var request := HTTPRequest.new()
	add_child(request)
	request.request_completed.connect(_on_downloaded.bind(person_id, version, request))
	var headers := PackedStringArray()
	if token != "":
		headers.append("Authorization: Bearer " + token)
	if request.request(mesh_url, headers) != OK:
		request.queue_free()
		avatar_failed.emit(person_id, "cannot request " + mesh_url)


func _on_downloaded(result, code, _headers, body: PackedByteArray, person_id: int, version: int, request: HTTPRequest):
	request.queue_free()
	if result != HTTPRequest.RESULT_SUCCESS or code != 200:
		avatar_failed.emit(person_id, "avatar download failed (result %d, HTTP %d)" % [result, code])
		return
	var document := GLTFDocument.new()
	var state := GLTFState.new()
	if document.append_from_buffer(body, "", state) != OK:
		avatar_failed.emit(person_id, "avatar .glb could not be parsed")
		return
	var avatar: Node3D = document.generate_scene(state)
	var skeleton := _skeleton_of(avatar)
	if skeleton == null:
		avatar.free()
		avatar_failed.emit(person_id, "avatar .glb has no skeleton")
		return
	var updating := _avatars.has(person_id) and version > 1
	if updating and version <= _versions.get(person_id, 0):
		avatar.free()  # a newer version arrived first
		return
	if updating:
		_copy_pose(_skeletons[person_id], skeleton)
		_avatars[person_id].name = "Person%dOld" % person_id  # frees its name for the new one
		_avatars[person_id].queue_free()
	else:
		_remove(person_id)
	avatar.name = "Person%d" % person_id
	add_child(avatar)
	_avatars[person_id] = avatar
	_skeletons[person_id] = skeleton
	_versions[person_id] = version
	_layout()
	if updating:
		avatar_updated.emit(person_id, avatar, version)
	else:
		avatar_added.emit(person_id, avatar)


# The refined avatar takes over the pose the old one shows, bone by bone (same skeleton).
func _copy_pose(from: Skeleton3D, to: Skeleton3D):
	for bone in from.get_bone_count():
		var target := to.find_bone(from.get_bone_name(bone))
		if target >= 0:
			to.set_bone_pose_rotation(target, from.get_bone_pose_rotation(bone))


func _remove(person_id: int):
	if not _avatars.has(person_id):
		return
	_avatars[person_id].queue_free()
	_avatars.erase(person_id)
	_skeletons.erase(person_id)
	_versions.erase(person_id)
	_layout()
	avatar_removed.emit(person_id)


func _clear():
	for person_id in _avatars.keys():
		_remove(person_id)


# People stand side by side along x, in the order they arrived, centred on this node.
func _layout():
	var ids := _avatars.keys()
	ids.sort()
	for i in ids.size():
		_avatars[ids[i]].position = Vector3((i - (ids.size() - 1) / 2.0) * spacing, 0, 0)


func _skeleton_of(node: Node) -> Skeleton3D:
	if node is Skeleton3D:
		return node
	for child in node.get_children():
		var found := _skeleton_of(child)
		if found:
			return found
	return null


func _apply(persons: Dictionary):
	for key in persons:
		var person_id := int(key)
		if not _skeletons.has(person_id):
			continue
		var skeleton: Skeleton3D = _skeletons[person_id]
		var pose: Dictionary = persons[key]
		var bones: Dictionary = pose.get("bones", {})
		for bone_name in bones:
			var bone := skeleton.find_bone(bone_name)
			if bone < 0:
				continue
			var q = bones[bone_name]
			var rest := skeleton.get_bone_rest(bone).basis.get_rotation_quaternion()
			skeleton.set_bone_pose_rotation(bone, rest * Quaternion(q[0], q[1], q[2], q[3]))
		pose_applied.emit(person_id, skeleton, pose)
