# Runs the Godot 4 demo scene (res://demo/main.tscn) with its AvatarMirrorClient pointed at a
# mirror, and checks what a user would see. User arguments: --url WS_URL --token TOKEN
# --updates N --timeout SECONDS --expect-version V. After N applied pose updates of a person with
# an avatar (and, with --expect-version, 10 more once a refined avatar of version V replaced it):
#  - the refined avatar took over the pose shown at the swap (every bone's pose rotation);
#  - every bone's pose rotation is its rest rotation times the message's quaternion;
#  - every limb bone points where the message's joints say (angle between the bone, from its head
#    to its child's head, and the joint-to-joint direction, in degrees);
#  - a rendered frame read back shows the avatar: enough non-background pixels, and the pixel
#    under the avatar's chest is not background.
# Prints "AVATAR_MIRROR_GODOT4 ..." and quits: 0 pass, 2 bones off, 3 timeout, 4 avatar failed,
# 6 avatar not on screen.
extends Node

const LIMBS = {
	"LeftUpperArm": ["LeftLowerArm", "left_shoulder", "left_elbow"],
	"LeftLowerArm": ["LeftHand", "left_elbow", "left_wrist"],
	"RightUpperArm": ["RightLowerArm", "right_shoulder", "right_elbow"],
	"RightLowerArm": ["RightHand", "right_elbow", "right_wrist"],
	"LeftUpperLeg": ["LeftLowerLeg", "left_hip", "left_knee"],
	"LeftLowerLeg": ["LeftFoot", "left_knee", "left_ankle"],
	"RightUpperLeg": ["RightLowerLeg", "right_hip", "right_knee"],
	"RightLowerLeg": ["RightFoot", "right_knee", "right_ankle"],
}
const MAX_ROTATION_ERROR_DEG = 0.5
const MAX_LIMB_ERROR_DEG = 12.0

var updates_wanted := 30
var version_wanted := 1
var shown_version := 1
var applied_since_version := 0
var last_bones := {}  # bone rotations of the last applied pose update
var max_swap_error := 0.0
var applied := 0
var max_rotation_error := 0.0
var max_limb_error := 0.0
var finished := false
var client: AvatarMirrorClient
var background: Color  # the demo's background colour


func _ready():
	var args := _arguments()
	updates_wanted = int(args.get("--updates", "30"))
	version_wanted = int(args.get("--expect-version", "1"))
	var demo: Node = load("res://demo/main.tscn").instantiate()
	client = demo.get_node("AvatarMirrorClient")
	background = demo.get_node("WorldEnvironment").environment.background_color
	client.url = args.get("--url", client.url)
	client.token = args.get("--token", "")
	client.pose_applied.connect(_on_pose_applied)
	client.avatar_failed.connect(func(_id, why): _finish(4, why))
	client.avatar_added.connect(func(id, _avatar): print("AVATAR_MIRROR_GODOT4 person %d has an avatar" % id))
	client.avatar_updated.connect(_on_avatar_updated)
	add_child(demo)
	var timeout := float(args.get("--timeout", "90"))
	get_tree().create_timer(timeout).timeout.connect(func(): _finish(3, "timed out after %d pose updates" % applied))


func _arguments() -> Dictionary:
	var args := OS.get_cmdline_user_args()
	var named := {}
	for i in range(0, args.size() - 1, 2):
		named[args[i]] = args[i + 1]
	return named


func _on_pose_applied(_person_id: int, skeleton: Skeleton3D, pose: Dictionary):
	if finished or not pose.get("pose_present", false):
		return
	_check_rotations(skeleton, pose["bones"])
	_check_limbs(skeleton, pose["joints"])
	last_bones = pose["bones"]
	applied += 1
	if shown_version >= version_wanted:
		applied_since_version += 1
	if applied < updates_wanted or applied_since_version < 10:
		return
	if max_rotation_error > MAX_ROTATION_ERROR_DEG or max_limb_error > MAX_LIMB_ERROR_DEG:
		_finish(2, "bones off the message")
		return
	if max_swap_error > MAX_ROTATION_ERROR_DEG:
		_finish(2, "the refined avatar lost the pose")
		return
	_check_screen(skeleton)


# A refined avatar replaced the first: it must show the pose of the last update at once.
func _on_avatar_updated(person_id: int, avatar: Node3D, version: int):
	print("AVATAR_MIRROR_GODOT4 person %d has avatar version %d" % [person_id, version])
	shown_version = version
	var skeleton := client._skeleton_of(avatar)
	for bone_name in last_bones:
		var bone := skeleton.find_bone(bone_name)
		if bone < 0:
			continue
		var q = last_bones[bone_name]
		var expected := skeleton.get_bone_rest(bone).basis.get_rotation_quaternion() * Quaternion(q[0], q[1], q[2], q[3])
		max_swap_error = max(max_swap_error, rad_to_deg(expected.angle_to(skeleton.get_bone_pose_rotation(bone))))


func _check_rotations(skeleton: Skeleton3D, bones: Dictionary):
	for bone_name in bones:
		var bone := skeleton.find_bone(bone_name)
		if bone < 0:
			_finish(2, "the avatar has no bone " + bone_name)
			return
		var q = bones[bone_name]
		var rest := skeleton.get_bone_rest(bone).basis.get_rotation_quaternion()
		var expected := rest * Quaternion(q[0], q[1], q[2], q[3])
		var actual := skeleton.get_bone_pose_rotation(bone)
		max_rotation_error = max(max_rotation_error, rad_to_deg(expected.angle_to(actual)))


# Joint positions are MediaPipe world landmarks (y down, z away from the camera); the avatar
# faces the camera in glTF coordinates (y up, z towards the camera): (x, -y, -z).
func _check_limbs(skeleton: Skeleton3D, joints: Dictionary):
	var to_world := skeleton.global_transform.basis
	for bone_name in LIMBS:
		var limb: Array = LIMBS[bone_name]
		var head := skeleton.get_bone_global_pose(skeleton.find_bone(bone_name)).origin
		var tail := skeleton.get_bone_global_pose(skeleton.find_bone(limb[0])).origin
		var actual := to_world * (tail - head)
		var expected := _godot_point(joints[limb[2]]) - _godot_point(joints[limb[1]])
		max_limb_error = max(max_limb_error, rad_to_deg(actual.angle_to(expected)))


func _godot_point(joint: Dictionary) -> Vector3:
	var p = joint["position"]
	return Vector3(p[0], -p[1], -p[2])


func _check_screen(skeleton: Skeleton3D):
	finished = true
	await RenderingServer.frame_post_draw
	var image := get_viewport().get_texture().get_image()
	var changed := 0
	var total := 0
	for y in range(0, image.get_height(), 4):
		for x in range(0, image.get_width(), 4):
			total += 1
			if _differs(image.get_pixel(x, y)):
				changed += 1
	var chest := skeleton.global_transform * skeleton.get_bone_global_pose(skeleton.find_bone("Chest")).origin
	var camera := get_viewport().get_camera_3d()
	var at := camera.unproject_position(chest)
	var inside := Rect2(Vector2.ZERO, Vector2(image.get_size())).has_point(at)
	var chest_shown := inside and _differs(image.get_pixel(int(at.x), int(at.y)))
	var cover := float(changed) / total
	print("AVATAR_MIRROR_GODOT4 screen %dx%d avatar pixels %.1f%%, chest at (%d, %d) %s" % [image.get_width(), image.get_height(), cover * 100.0, at.x, at.y, "shown" if chest_shown else "missing"])
	finished = false
	if cover < 0.02 or not chest_shown:
		_finish(6, "avatar not on screen")
	else:
		_finish(0, "ok")


func _differs(c: Color) -> bool:
	return abs(c.r - background.r) + abs(c.g - background.g) + abs(c.b - background.b) > 0.08


func _finish(code: int, why: String):
	if finished:
		return
	finished = true
	print("AVATAR_MIRROR_GODOT4 updates=%d max_rotation_error_deg=%.3f max_limb_error_deg=%.2f version=%d swap_error_deg=%.3f status=%d %s" % [applied, max_rotation_error, max_limb_error, shown_version, max_swap_error, code, why])
	get_tree().quit(code)
