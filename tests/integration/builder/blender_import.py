# Imports a .glb into an empty Blender scene and prints one line "AM_BLENDER_JSON {...}" with
# what Blender made of it: meshes (vertex counts), armatures (bone names), and per mesh its
# vertex groups and how many vertices carry a positive weight.
# Usage: blender -b --factory-startup --python blender_import.py -- FILE.glb
import json
import sys

import numpy

numpy.bool = bool  # Blender 3.4's glTF importer still uses numpy.bool (removed in numpy 1.24)

import bpy  # noqa: E402

glb = sys.argv[sys.argv.index("--") + 1]
bpy.ops.wm.read_factory_settings(use_empty=True)  # no default cube, camera, light
bpy.ops.import_scene.gltf(filepath=glb)
report = {"meshes": [], "armatures": []}
for obj in bpy.data.objects:
    if obj.type == "ARMATURE":
        report["armatures"].append({"name": obj.name, "bones": [b.name for b in obj.data.bones]})
    elif obj.type == "MESH":
        weighted = sum(1 for v in obj.data.vertices if any(g.weight > 0 for g in v.groups))
        report["meshes"].append({
            "name": obj.name,
            "vertices": len(obj.data.vertices),
            "vertex_groups": [g.name for g in obj.vertex_groups],
            "weighted_vertices": weighted,
            "armature_modifier": any(m.type == "ARMATURE" for m in obj.modifiers),
        })
print("AM_BLENDER_JSON " + json.dumps(report))
sys.stdout.flush()
