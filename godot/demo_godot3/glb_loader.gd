# Builds a skinned avatar from .glb bytes at run time (Godot 3.2 has no glTF loader at run time).
# Takes the bytes of a binary glTF 2.0 with one skin and skinned triangle meshes; gives a Spatial
# holding a Skeleton (bones named and parented like the skin's joint nodes, rests from their TRS)
# with a MeshInstance child (ArrayMesh with bones and weights, winding flipped to Godot's) bound
# through a Skin made from the inverse bind matrices. Returns null and prints why on bad input.
extends Reference

const COMPONENTS = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT4": 16}
const COMPONENT_BYTES = {5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4}

var gltf = {}
var bin = PoolByteArray()
var _skin = null


func load_glb(bytes: PoolByteArray) -> Spatial:
	if not _split_chunks(bytes):
		return null
	if not gltf.has("skins") or gltf["skins"].empty():
		push_warning("glb_loader: the file has no skin")
		return null
	var root = Spatial.new()
	var skeleton = _build_skeleton(gltf["skins"][0])
	root.add_child(skeleton)
	for node in gltf["nodes"]:
		if node.has("mesh"):
			skeleton.add_child(_build_mesh_instance(gltf["meshes"][int(node["mesh"])]))
	return root


func _split_chunks(bytes: PoolByteArray) -> bool:
	var reader = StreamPeerBuffer.new()
	reader.data_array = bytes
	if bytes.size() < 20 or reader.get_u32() != 0x46546C67:
		push_warning("glb_loader: not a binary glTF file")
		return false
	reader.get_u32()
	reader.get_u32()
	var json_length = reader.get_u32()
	reader.get_u32()
	var parsed = JSON.parse(bytes.subarray(20, 20 + json_length - 1).get_string_from_utf8())
	if parsed.error != OK:
		push_warning("glb_loader: bad JSON chunk")
		return false
	gltf = parsed.result
	var bin_start = 20 + json_length
	if bytes.size() >= bin_start + 8:
		reader.seek(bin_start)
		var bin_length = reader.get_u32()
		bin = bytes.subarray(bin_start + 8, bin_start + 8 + bin_length - 1)
	return true


func _read_accessor(index: int) -> Array:
	var accessor = gltf["accessors"][index]
	var view = gltf["bufferViews"][int(accessor["bufferView"])]
	var type = int(accessor["componentType"])
	var width = COMPONENTS[accessor["type"]]
	var size = COMPONENT_BYTES[type]
	var stride = int(view.get("byteStride", width * size))
	var start = int(view.get("byteOffset", 0)) + int(accessor.get("byteOffset", 0))
	var reader = StreamPeerBuffer.new()
	reader.data_array = bin
	var out = []
	for i in range(int(accessor["count"])):
		reader.seek(start + i * stride)
		for _c in range(width):
			out.append(_read_component(reader, type))
	return out


func _read_component(reader: StreamPeerBuffer, type: int):
	match type:
		5126:
			return reader.get_float()
		5125:
			return reader.get_u32()
		5123:
			return reader.get_u16()
		5121:
			return reader.get_u8()
		5122:
			return reader.get_16()
	return reader.get_8()


func _node_transform(node: Dictionary) -> Transform:
	var t = Transform()
	if node.has("rotation"):
		var r = node["rotation"]
		t.basis = Basis(Quat(r[0], r[1], r[2], r[3]))
	if node.has("translation"):
		var p = node["translation"]
		t.origin = Vector3(p[0], p[1], p[2])
	return t


func _matrix(m: Array, at: int) -> Transform:
	var x = Vector3(m[at], m[at + 1], m[at + 2])
	var y = Vector3(m[at + 4], m[at + 5], m[at + 6])
	var z = Vector3(m[at + 8], m[at + 9], m[at + 10])
	return Transform(Basis(x, y, z), Vector3(m[at + 12], m[at + 13], m[at + 14]))


func _build_skeleton(skin_def: Dictionary) -> Skeleton:
	var skeleton = Skeleton.new()
	skeleton.name = "Skeleton"
	var joints = skin_def["joints"]
	var bone_of_node = {}
	for i in range(joints.size()):
		var node = gltf["nodes"][int(joints[i])]
		bone_of_node[int(joints[i])] = i
		skeleton.add_bone(node.get("name", "bone%d" % i))
		skeleton.set_bone_rest(i, _node_transform(node))
	for n in range(gltf["nodes"].size()):
		if not bone_of_node.has(n):
			continue
		for child in gltf["nodes"][n].get("children", []):
			if bone_of_node.has(int(child)):
				skeleton.set_bone_parent(bone_of_node[int(child)], bone_of_node[n])
	var inverse_binds = _read_accessor(int(skin_def["inverseBindMatrices"]))
	_skin = Skin.new()
	for i in range(joints.size()):
		_skin.add_bind(i, _matrix(inverse_binds, i * 16))
	return skeleton


func _build_mesh_instance(mesh_def: Dictionary) -> MeshInstance:
	var mesh = ArrayMesh.new()
	for primitive in mesh_def["primitives"]:
		mesh.add_surface_from_arrays(Mesh.PRIMITIVE_TRIANGLES, _surface_arrays(primitive))
	var material = SpatialMaterial.new()
	material.flags_unshaded = true
	material.albedo_color = Color(1.0, 0.55, 0.1)
	mesh.surface_set_material(mesh.get_surface_count() - 1, material)
	var instance = MeshInstance.new()
	instance.name = "Body"
	instance.mesh = mesh
	instance.skin = _skin
	instance.skeleton = NodePath("..")
	return instance


func _surface_arrays(primitive: Dictionary) -> Array:
	var attributes = primitive["attributes"]
	var arrays = []
	arrays.resize(Mesh.ARRAY_MAX)
	arrays[Mesh.ARRAY_VERTEX] = _vec3_array(_read_accessor(int(attributes["POSITION"])))
	if attributes.has("NORMAL"):
		arrays[Mesh.ARRAY_NORMAL] = _vec3_array(_read_accessor(int(attributes["NORMAL"])))
	arrays[Mesh.ARRAY_BONES] = PoolIntArray(_read_accessor(int(attributes["JOINTS_0"])))
	arrays[Mesh.ARRAY_WEIGHTS] = PoolRealArray(_read_accessor(int(attributes["WEIGHTS_0"])))
	var indices = _read_accessor(int(primitive["indices"]))
	for i in range(0, indices.size(), 3):
		var second = indices[i + 1]
		indices[i + 1] = indices[i + 2]
		indices[i + 2] = second
	arrays[Mesh.ARRAY_INDEX] = PoolIntArray(indices)
	return arrays


func _vec3_array(values: Array) -> PoolVector3Array:
	var out = PoolVector3Array()
	for i in range(0, values.size(), 3):
		out.append(Vector3(values[i], values[i + 1], values[i + 2]))
	return out
