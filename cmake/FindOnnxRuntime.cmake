# Finds ONNX Runtime: headers and libonnxruntime. Looks in ONNXRUNTIME_ROOT (cache variable or
# environment), then in the setup script's cache folder. Defines the target OnnxRuntime::OnnxRuntime.
set(_am_home "$ENV{AVATAR_MIRROR_HOME}")
if(NOT _am_home)
  set(_am_home "$ENV{HOME}/.cache/avatar-mirror")
endif()
set(ONNXRUNTIME_ROOT "$ENV{ONNXRUNTIME_ROOT}" CACHE PATH "ONNX Runtime install folder (include/, lib/)")
find_path(OnnxRuntime_INCLUDE_DIR onnxruntime_cxx_api.h
  HINTS ${ONNXRUNTIME_ROOT} ${_am_home}/onnxruntime-1.29.0
  PATH_SUFFIXES include include/onnxruntime NO_DEFAULT_PATH)
find_library(OnnxRuntime_LIBRARY onnxruntime
  HINTS ${ONNXRUNTIME_ROOT} ${_am_home}/onnxruntime-1.29.0
  PATH_SUFFIXES lib lib64 NO_DEFAULT_PATH)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(OnnxRuntime
  REQUIRED_VARS OnnxRuntime_LIBRARY OnnxRuntime_INCLUDE_DIR
  REASON_FAILURE_MESSAGE "run 'make setup' to fetch ONNX Runtime, or pass -DONNXRUNTIME_ROOT=<folder with include/ and lib/>")
if(OnnxRuntime_FOUND AND NOT TARGET OnnxRuntime::OnnxRuntime)
  add_library(OnnxRuntime::OnnxRuntime SHARED IMPORTED)
  set_target_properties(OnnxRuntime::OnnxRuntime PROPERTIES
    IMPORTED_LOCATION ${OnnxRuntime_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${OnnxRuntime_INCLUDE_DIR})
  get_filename_component(OnnxRuntime_LIBRARY_DIR ${OnnxRuntime_LIBRARY} DIRECTORY)
endif()
