//===- OnnxLoader.cpp - libonnx calls behind a no-exception API -----------===//
//
// Built with -fexceptions: libonnx's parser and shape inference throw.
//
//===----------------------------------------------------------------------===//

#include "OnnxLoader.h"

#include "onnx/defs/parser.h"
#include "onnx/shape_inference/implementation.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <google/protobuf/io/zero_copy_stream_impl.h>

#include <exception>
#include <fcntl.h>
#include <unistd.h>

namespace ascend::onnx_import {

bool parseModel(llvm::StringRef data, bool textual, onnx::ModelProto &model,
                std::string &error) {
  try {
    if (textual) {
      // The parser wants a NUL-terminated string.
      std::string text(data.str());
      onnx::Common::Status status =
          onnx::OnnxParser::Parse(model, text.c_str());
      if (!status.IsOK()) {
        error = "cannot parse ONNX text: " + status.ErrorMessage();
        return false;
      }
      return true;
    }
    google::protobuf::io::ArrayInputStream stream(
        data.data(), static_cast<int>(data.size()));
    google::protobuf::io::CodedInputStream coded(&stream);
    coded.SetTotalBytesLimit(INT32_MAX);
    if (!model.ParseFromCodedStream(&coded) || !coded.ConsumedEntireMessage()) {
      error = "malformed ONNX protobuf: cannot parse a ModelProto";
      return false;
    }
    return true;
  } catch (const std::exception &e) {
    error = std::string("cannot parse the model: ") + e.what();
    return false;
  }
}

bool parseModelFile(llvm::StringRef path, onnx::ModelProto &model,
                    std::string &error) {
  int fd = ::open(path.str().c_str(), O_RDONLY);
  if (fd < 0) {
    error = "cannot open '" + path.str() + "'";
    return false;
  }
  bool ok = false;
  try {
    google::protobuf::io::FileInputStream stream(fd);
    google::protobuf::io::CodedInputStream coded(&stream);
    coded.SetTotalBytesLimit(INT32_MAX);
    ok = model.ParseFromCodedStream(&coded) && coded.ConsumedEntireMessage();
    if (!ok)
      error = "malformed ONNX protobuf: cannot parse a ModelProto";
  } catch (const std::exception &e) {
    error = std::string("cannot parse the model: ") + e.what();
  }
  ::close(fd);
  return ok;
}

bool verifyNodes(const onnx::ModelProto &model, int64_t opset,
                 std::string &error) {
  for (const auto &node : model.graph().node()) {
    if (!node.domain().empty() && node.domain() != "ai.onnx")
      continue;
    const onnx::OpSchema *schema = onnx::OpSchemaRegistry::Schema(
        node.op_type(), static_cast<int>(opset), "");
    if (!schema) {
      error = "node '" + node.name() + "' (" + node.op_type() +
              "): no schema for this op at opset " + std::to_string(opset);
      return false;
    }
    try {
      schema->Verify(node);
    } catch (const std::exception &e) {
      error = "node '" + node.name() + "' (" + node.op_type() +
              ") is invalid: " + e.what();
      return false;
    }
  }
  return true;
}

bool inferShapes(onnx::ModelProto &model, bool strict, std::string &error) {
  try {
    onnx::ShapeInferenceOptions options(/*check_type=*/true,
                                        /*strict_mode=*/strict ? 1 : 0,
                                        /*data_prop=*/true);
    onnx::shape_inference::InferShapes(
        model, onnx::OpSchemaRegistry::Instance(), options);
    return true;
  } catch (const std::exception &e) {
    error = std::string("ONNX shape inference failed: ") + e.what();
    return false;
  }
}

} // namespace ascend::onnx_import
