# Avatar Mirror client for Godot 4: add this node to a scene, set `url`, run. It connects with
# WebSocketPeer, downloads each new_character's .glb (mesh_url) and loads it at run time with
# GLTFDocument, applies pose_update bone rotations (rest rotation * q, see docs/skeleton.md) and
# removes people who left. Protocol: docs/protocol.md. Not tested here: no Godot 4 on the
# build machine; the Godot 3 demo carries the same logic and is tested end to end.
class_name AvatarMirrorClient
extends Node3D

@export var url := "ws://127.0.0.1:8765"
@export var token := ""

var _socket := WebSocketPeer.new()
var _avatars := {}  # person id -> Node3D


func _ready():
	_socket.inbound_buffer_size = 4 * 1024 * 1024
	var target := url if token == "" else url + "/?token=" + token
	var err := _socket.connect_to_url(target)
	if err != OK:
		push_error("avatar_mirror: cannot connect to %s (error %d)" % [url, err])


func _process(_delta):
	_socket.poll()
	if _socket.get_ready_state() != WebSocketPeer.STATE_OPEN:
		return
	while _socket.get_available_packet_count() > 0:
		_handle(_socket.get_packet().get_string_from_utf8())


func _handle(text: String):
	var message = JSON.parse_string(text)
	if typeof(message) != TYPE_DICTIONARY:
		return
	match message.get("type", ""):
		"new_character":
			_download(int(message["person_id"]), message["mesh_url"])
		"pose_update":
			_apply(message["persons"])
		"person_left":
			_remove(int(message["person_id"]))


func _download(person_id: int, mesh_url: String):
	var request := HTTPRequest.new()
	add_child(request)
	request.request_completed.connect(_on_downloaded.bind(person_id, request))
	var headers := PackedStringArray()
	if token != "":
		headers.append("Authorization: Bearer " + token)
	request.request(mesh_url, headers)


func _on_downloaded(result, code, _headers, body: PackedByteArray, person_id: int, request: HTTPRequest):
	request.queue_free()
	if result != HTTPRequest.RESULT_SUCCESS or code != 200:
		push_error("avatar_mirror: avatar download failed (result %d, HTTP %d)" % [result, code])
		return
	var document := GLTFDocument.new()
	var state := GLTFState.new()
	if document.append_from_buffer(body, "", state) != OK:
		push_error("avatar_mirror: avatar .glb could not be parsed")
		return
	var avatar := document.generate_scene(state)
	_remove(person_id)
	avatar.name = "Person%d" % person_id
	add_child(avatar)
	_avatars[person_id] = avatar


func _remove(person_id: int):
	if _avatars.has(person_id):
		_avatars[person_id].queue_free()
		_avatars.erase(person_id)


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
		if not _avatars.has(person_id):
			continue
		var skeleton := _skeleton_of(_avatars[person_id])
		if skeleton == null:
			continue
		var bones: Dictionary = persons[key]["bones"]
		for bone_name in bones:
			var bone := skeleton.find_bone(bone_name)
			if bone < 0:
				continue
			var q = bones[bone_name]
			var rest := skeleton.get_bone_rest(bone).basis.get_rotation_quaternion()
			skeleton.set_bone_pose_rotation(bone, rest * Quaternion(q[0], q[1], q[2], q[3]))
