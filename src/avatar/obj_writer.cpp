#include "avatar/obj_writer.hpp"

#include <fstream>

#include <opencv2/imgcodecs.hpp>

#include "core/error.hpp"

namespace am::avatar {
namespace {

[[noreturn]] void fail(const std::filesystem::path& p) {
  throw Error("avatar: cannot write " + p.string() + "; check the folder exists and is writable");
}

void write_material(const std::filesystem::path& mtl, const std::string& texture_name) {
  std::ofstream out(mtl);
  out << "newmtl avatar\nKa 1 1 1\nKd 1 1 1\nKs 0 0 0\nillum 1\nmap_Kd " << texture_name << "\n";
  if (!out) fail(mtl);
}

}  // namespace

void write_obj(const std::filesystem::path& obj_path, const Mesh& mesh) {
  if (obj_path.extension() != ".obj")
    throw Error("avatar: mesh path " + obj_path.string() + " must end in .obj");
  auto mtl = obj_path, png = obj_path;
  mtl.replace_extension(".mtl");
  png.replace_extension(".png");
  if (!cv::imwrite(png.string(), mesh.texture)) fail(png);
  write_material(mtl, png.filename().string());

  std::ofstream out(obj_path);
  out << "# avatar-mirror: metres, Y up, facing +Z\nmtllib " << mtl.filename().string()
      << "\nusemtl avatar\n";
  for (Eigen::Index v = 0; v < mesh.V.rows(); ++v)
    out << "v " << mesh.V(v, 0) << ' ' << mesh.V(v, 1) << ' ' << mesh.V(v, 2) << '\n';
  for (Eigen::Index t = 0; t < mesh.UV.rows(); ++t)
    out << "vt " << mesh.UV(t, 0) << ' ' << 1.0f - mesh.UV(t, 1) << '\n';
  for (Eigen::Index v = 0; v < mesh.N.rows(); ++v)
    out << "vn " << mesh.N(v, 0) << ' ' << mesh.N(v, 1) << ' ' << mesh.N(v, 2) << '\n';
  for (Eigen::Index f = 0; f < mesh.F.rows(); ++f) {
    out << 'f';
    for (int k = 0; k < 3; ++k)
      out << ' ' << mesh.F(f, k) + 1 << '/' << mesh.FUV(f, k) + 1 << '/' << mesh.F(f, k) + 1;
    out << '\n';
  }
  if (!out) fail(obj_path);
}

}  // namespace am::avatar
