# The Godot 3 client exactly as the original README shows it, plus the two lines every real
# client needs: set_buffers() (a new_character is bigger than the default 64 KiB input buffer)
# and poll() in _process (Godot 3's WebSocketClient only delivers data when polled).
extends Node

var ws = WebSocketClient.new()

func _ready():
    ws.set_buffers(4096, 1024, 64, 64)
    ws.connect("data_received", self, "_on_data")
    ws.connect_to_url("ws://localhost:8765")

func _process(_delta):
    ws.poll()

func _on_data():
    var message = JSON.parse(ws.get_peer(1).get_packet().get_string_from_utf8())
    if message.result.type == "new_character":
        create_character(message.result.data)
    elif message.result.type == "pose_update":
        update_poses(message.result.data)

func create_character(data):
    # Load and setup rigged model
    pass

func update_poses(data):
    # Update character poses
    pass
