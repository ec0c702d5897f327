class_name SelftestPainter
extends Node2D
## Fills the whole viewport with one colour. main.gd uses it by its class_name, which only
## resolves when the pack holds .godot/global_script_class_cache.cfg (pack_pck.mjs makes it).

var color := Color.BLACK


func _draw() -> void:
	draw_rect(Rect2(Vector2.ZERO, get_viewport_rect().size), color)
