# Renders a textured human scan turning round in front of a fixed camera, the way a visitor
# turns in front of the mirror, with Debian's Blender (headless). Takes a textured mesh (.glb,
# .gltf, .obj or .ply; a glTF model faces +Z, an OBJ/PLY faces -Y in Blender's Z-up axes); gives,
# in OUT: frame_NNN.png (RGBA, the alpha the exact silhouette; frame N shows the scan turned by
# N * 360 / frames degrees about the vertical, frame 0 facing the camera), scan.obj (the scan's triangles as placed for frame 0, in
# the avatar's axes: metres, Y up, facing +Z, feet on y = 0) and camera.json (the pinhole camera
# and the scan's height). The scan keeps its size unless --height scales it to a stature.
#
# Usage: blender -b --factory-startup --python render_turn.py -- SCAN OUT
#          [--frames 36] [--height METRES] [--width 1280] [--height-px 720]
#          [--camera-height 1.1] [--distance 3.6] [--hfov 60] [--engine BLENDER_WORKBENCH]
import argparse
import json
import math
import os
import sys

import bpy
import numpy

numpy.bool = bool  # Blender 3.4's glTF importer still uses numpy.bool (removed in numpy 1.24)


def parse():
    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    p = argparse.ArgumentParser(prog="render_turn.py")
    p.add_argument("scan")
    p.add_argument("out")
    p.add_argument("--frames", type=int, default=36)
    p.add_argument("--height", type=float, default=0.0, help="scale the scan to this stature")
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height-px", type=int, default=720)
    p.add_argument("--camera-height", type=float, default=1.1)
    p.add_argument("--distance", type=float, default=3.6)
    p.add_argument("--hfov", type=float, default=60.0, help="horizontal field of view, degrees")
    p.add_argument("--engine", default="BLENDER_WORKBENCH")
    return p.parse_args(argv)


def import_scan(path):
    ext = os.path.splitext(path)[1].lower()
    if ext in (".glb", ".gltf"):
        bpy.ops.import_scene.gltf(filepath=path)
    elif ext == ".obj":
        bpy.ops.import_scene.obj(filepath=path)
    elif ext == ".ply":
        bpy.ops.import_mesh.ply(filepath=path)
    else:
        sys.exit("render_turn.py: cannot read %s: give a .glb, .gltf, .obj or .ply scan" % path)
    meshes = [o for o in bpy.context.scene.objects if o.type == "MESH"]
    if not meshes:
        sys.exit("render_turn.py: %s holds no mesh" % path)
    return meshes


def world_vertices(meshes):
    """Every mesh's evaluated (skinned, modified) vertices in world space and its triangles."""
    deps = bpy.context.evaluated_depsgraph_get()
    verts, tris = [], []
    for o in meshes:
        ev = o.evaluated_get(deps)
        m = ev.to_mesh()
        m.calc_loop_triangles()
        base = len(verts)
        verts += [tuple(ev.matrix_world @ v.co) for v in m.vertices]
        tris += [tuple(base + i for i in t.vertices) for t in m.loop_triangles]
        ev.to_mesh_clear()
    return numpy.array(verts), tris


def place_scan(meshes, stature):
    """A parent empty at the scan's feet centre: scaled to the stature, feet on z = 0."""
    verts, _ = world_vertices(meshes)
    lo, hi = verts.min(axis=0), verts.max(axis=0)
    scale = stature / (hi[2] - lo[2]) if stature > 0 else 1.0
    pivot = bpy.data.objects.new("turntable", None)
    bpy.context.scene.collection.objects.link(pivot)
    roots = [o for o in bpy.context.scene.objects if o.parent is None and o is not pivot]
    for o in roots:
        o.parent = pivot
    centre = (lo + hi) / 2
    for o in roots:
        o.location = (o.location[0] - centre[0], o.location[1] - centre[1], o.location[2] - lo[2])
    pivot.scale = (scale, scale, scale)
    bpy.context.view_layer.update()
    return pivot


def add_camera(args):
    cam_data = bpy.data.cameras.new("camera")
    cam_data.sensor_fit = "HORIZONTAL"
    cam_data.angle = math.radians(args.hfov)
    cam = bpy.data.objects.new("camera", cam_data)
    bpy.context.scene.collection.objects.link(cam)
    cam.location = (0.0, -args.distance, args.camera_height)
    cam.rotation_euler = (math.pi / 2, 0.0, 0.0)  # looking along +Y, level
    bpy.context.scene.camera = cam
    fx = args.width / 2 / math.tan(math.radians(args.hfov) / 2)
    return {"fx": fx, "fy": fx, "cx": args.width / 2, "cy": args.height_px / 2,
            "width": args.width, "height": args.height_px,
            "camera_height_m": args.camera_height, "distance_m": args.distance, "pitch_deg": 0.0}


def set_up_render(args):
    s = bpy.context.scene
    s.render.engine = args.engine
    s.render.resolution_x, s.render.resolution_y = args.width, args.height_px
    s.render.resolution_percentage = 100
    s.render.image_settings.file_format = "PNG"
    s.render.image_settings.color_mode = "RGBA"
    s.render.film_transparent = True
    s.world = s.world or bpy.data.worlds.new("world")
    s.world.color = (0.5, 0.5, 0.5)  # ambient light only: the film is transparent
    if args.engine == "BLENDER_WORKBENCH":
        shading = s.display.shading
        shading.light = "STUDIO"
        shading.color_type = "TEXTURE"
        shading.background_type = "WORLD"
    else:
        sun = bpy.data.objects.new("sun", bpy.data.lights.new("sun", "SUN"))
        sun.rotation_euler = (math.radians(50), 0.0, math.radians(20))
        s.collection.objects.link(sun)


def write_obj(path, verts, tris):
    """Blender's Z-up, -Y-facing world into the avatar's Y-up, +Z-facing axes."""
    with open(path, "w") as f:
        for x, y, z in verts:
            f.write("v %.6f %.6f %.6f\n" % (x, z, -y))
        for a, b, c in tris:
            f.write("f %d %d %d\n" % (a + 1, b + 1, c + 1))


def main():
    args = parse()
    os.makedirs(args.out, exist_ok=True)
    for o in list(bpy.context.scene.objects):
        bpy.data.objects.remove(o, do_unlink=True)
    meshes = import_scan(args.scan)
    pivot = place_scan(meshes, args.height)
    verts, tris = world_vertices(meshes)
    write_obj(os.path.join(args.out, "scan.obj"), verts, tris)
    camera = add_camera(args)
    camera["scan_height_m"] = float(verts[:, 2].max() - verts[:, 2].min())
    camera["frames"] = args.frames
    set_up_render(args)
    for i in range(args.frames):
        pivot.rotation_euler = (0.0, 0.0, 2 * math.pi * i / args.frames)
        bpy.context.scene.render.filepath = os.path.join(args.out, "frame_%03d.png" % i)
        bpy.ops.render.render(write_still=True)
    with open(os.path.join(args.out, "camera.json"), "w") as f:
        json.dump(camera, f, indent=2)
    print("render_turn.py: %d frames of %s in %s" % (args.frames, args.scan, args.out))


main()
