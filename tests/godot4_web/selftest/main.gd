extends Node2D
## Self-test of the harness: user arguments arrive, a class_name from another script
## resolves, a frame renders and reads back, and the quit code reaches the harness.
## Exits 7 when every check passes, 1 otherwise (assert() does nothing in release builds).

const GREEN := Color(0.0, 1.0, 0.0)


func _ready() -> void:
	print("SELFTEST args=%s" % " ".join(OS.get_cmdline_user_args()))
	print("SELFTEST engine=%s renderer=%s" % [Engine.get_version_info().string,
		RenderingServer.get_current_rendering_method()])
	var painter := SelftestPainter.new()
	painter.color = GREEN
	add_child(painter)
	await RenderingServer.frame_post_draw
	var image := get_viewport().get_texture().get_image()
	var pixel := image.get_pixel(image.get_width() / 2, image.get_height() / 2)
	print("SELFTEST size=%dx%d pixel=%s" % [image.get_width(), image.get_height(), pixel.to_html(false)])
	var ok := pixel.is_equal_approx(GREEN)
	print("SELFTEST %s" % ("PASS" if ok else "FAIL: centre pixel is not green"))
	get_tree().quit(7 if ok else 1)
