# Makes a stand-in scan from one of our own avatars: takes the .glb, shears it in the sagittal
# plane so its soles' centre lies under its head's (the single-view build leans 5-15 degrees
# forward, docs/avatar.md), and writes the upright .glb. A stand-in, not a scan: its shape is our
# own reconstruction, so its figures measure the refinement and the height, not the likeness.
# Usage: blender -b --factory-startup --python straighten.py -- IN.glb OUT.glb
import sys

import bpy
import numpy

numpy.bool = bool  # Blender 3.4's glTF importer still uses numpy.bool (removed in numpy 1.24)

src, dst = sys.argv[sys.argv.index("--") + 1:][:2]
for o in list(bpy.context.scene.objects):
    bpy.data.objects.remove(o, do_unlink=True)
bpy.ops.import_scene.gltf(filepath=src)
meshes = [o for o in bpy.context.scene.objects if o.type == "MESH"]
points = [o.matrix_world @ v.co for o in meshes for v in o.data.vertices]
low, high = min(p.z for p in points), max(p.z for p in points)
tall = high - low


def mean_y(lo, hi):
    band = [p.y for p in points if lo <= (p.z - low) / tall <= hi]
    return sum(band) / len(band)


shear = (mean_y(0.9, 1.0) - mean_y(0.0, 0.06)) / (tall * 0.95 - tall * 0.03)
for o in meshes:
    inverse = o.matrix_world.inverted()
    for v in o.data.vertices:
        w = o.matrix_world @ v.co
        w.y -= shear * (w.z - low)
        v.co = inverse @ w
bpy.ops.export_scene.gltf(filepath=dst, export_format="GLB")
print("straighten.py: sheared by %.3f (%.1f degrees) into %s" % (shear, 57.3 * shear, dst))
