# The original client (original_client.gd, unchanged) with its two empty handlers filled in to
# check what reaches them the way the original README promised: new_character's data carries
# person_id, mesh_path and skeleton_data; each pose_update's data maps a person id to
# {pose_present, joints {name: {position, confidence}}, confidence, timestamp}. Prints
# "ORIGINAL_CLIENT characters=C poses=P" and quits 0 once it has one character and 100 pose
# entries, 3 when the Timer runs out first.
extends "res://original_client.gd"

const POSES_WANTED = 100

var characters = 0
var pose_entries = 0
var finished = false

func create_character(data):
    var bones = data.skeleton_data.bones
    if data.mesh_path != "" and bones.size() > 0 and data.person_id >= 0:
        characters += 1
        print("ORIGINAL_CLIENT new_character person %d mesh_path %s, %d bones" % [data.person_id, data.mesh_path, bones.size()])
    _finish_when_done()

func update_poses(data):
    for person_id in data:
        var person = data[person_id]
        var nose = person.joints.nose
        if person.pose_present and person.joints.size() == 33 and nose.position.size() == 3 and nose.confidence >= 0.0:
            pose_entries += 1
    _finish_when_done()

func _finish_when_done():
    if characters > 0 and pose_entries >= POSES_WANTED:
        _finish(0)

func _on_timeout():
    _finish(3)

func _finish(code):
    if finished:
        return
    finished = true
    print("ORIGINAL_CLIENT characters=%d poses=%d status=%d" % [characters, pose_entries, code])
    get_tree().quit(code)
