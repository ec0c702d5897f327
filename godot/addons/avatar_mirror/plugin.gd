# Registers the AvatarMirrorClient node type in the editor.
@tool
extends EditorPlugin


func _enter_tree():
	add_custom_type("AvatarMirrorClient", "Node3D", preload("avatar_mirror_client.gd"), null)


func _exit_tree():
	remove_custom_type("AvatarMirrorClient")
