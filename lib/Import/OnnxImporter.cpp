//===- OnnxImporter.cpp - ONNX models to nn IR ----------------------------===//
//
// The importer runs in three steps: load (parse, external data, shape
// overrides, libonnx shape inference: OnnxLoader.cpp), validate (every op
// supported, every type supported, every shape static), then build
// `func.func @main` one ONNX node at a time (OnnxOps.cpp). Nodes become nn
// ops that are verified and folded as they are built, so shape subgraphs fold
// to constants as they are built and opset-dependent inputs (Slice starts, Pad
// pads, ...) can be read as attributes.
//
//===----------------------------------------------------------------------===//

#include "OnnxImporterImpl.h"
#include "OnnxLoader.h"

#include "ascend/Import/OnnxImporter.h"
#include "nn/NNConstants.h"
#include "nn/NNDialect.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace ascend;
using namespace ascend::onnx_import;

//===----------------------------------------------------------------------===//
// --input-shape
//===----------------------------------------------------------------------===//

bool ascend::parseInputShape(StringRef spec, InputShape &shape,
                             std::string &error) {
  size_t colon = spec.rfind(':');
  if (colon == StringRef::npos || colon == 0) {
    error = "bad --input-shape '" + spec.str() +
            "': expected NAME:D0,D1,... (e.g. input:1,3,224,224)";
    return false;
  }
  shape.name = spec.take_front(colon).str();
  shape.dims.clear();
  StringRef dims = spec.drop_front(colon + 1).trim();
  if (dims.empty())
    return true;
  SmallVector<StringRef> parts;
  dims.split(parts, ',');
  for (StringRef part : parts) {
    int64_t d;
    if (part.trim().getAsInteger(10, d) || d <= 0) {
      error = "bad --input-shape '" + spec.str() + "': dimension '" +
              part.str() + "' is not a positive integer";
      return false;
    }
    shape.dims.push_back(d);
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Types and constants
//===----------------------------------------------------------------------===//

std::string onnx_import::dataTypeName(int32_t type) {
  if (onnx::TensorProto_DataType_IsValid(type))
    return onnx::TensorProto_DataType_Name(
        static_cast<onnx::TensorProto_DataType>(type));
  return "data type " + std::to_string(type);
}

Type onnx_import::convertElementType(MLIRContext *ctx, int32_t type) {
  switch (type) {
  case onnx::TensorProto::FLOAT:
    return Float32Type::get(ctx);
  case onnx::TensorProto::FLOAT16:
    return Float16Type::get(ctx);
  case onnx::TensorProto::INT64:
    return IntegerType::get(ctx, 64);
  case onnx::TensorProto::INT32:
    return IntegerType::get(ctx, 32);
  case onnx::TensorProto::INT16:
    return IntegerType::get(ctx, 16);
  case onnx::TensorProto::INT8:
    return IntegerType::get(ctx, 8);
  case onnx::TensorProto::UINT8:
    return IntegerType::get(ctx, 8, IntegerType::Unsigned);
  case onnx::TensorProto::UINT16:
    return IntegerType::get(ctx, 16, IntegerType::Unsigned);
  case onnx::TensorProto::UINT32:
    return IntegerType::get(ctx, 32, IntegerType::Unsigned);
  case onnx::TensorProto::UINT64:
    return IntegerType::get(ctx, 64, IntegerType::Unsigned);
  case onnx::TensorProto::BOOL:
    return IntegerType::get(ctx, 1);
  case onnx::TensorProto::DOUBLE:
    // Only for the ops checkFloat64Uses lets through.
    return Float64Type::get(ctx);
  default:
    return {};
  }
}

std::string onnx_import::unsupportedTypeNote(int32_t type) {
  if (type == onnx::TensorProto::DOUBLE)
    return " (the AI core has no float64: cast to FLOAT in the model)";
  return " (supported: FLOAT, FLOAT16, (U)INT8/16/32/64, BOOL)";
}

InFlightDiagnostic onnx_import::unsupportedType(Location loc, StringRef name,
                                                int32_t type) {
  return emitError(loc) << "value '" << name << "' has unsupported data type "
                        << dataTypeName(type) << unsupportedTypeNote(type);
}

/// Resource keys are printed as bare identifiers: keep [A-Za-z0-9_.].
static std::string blobName(StringRef name) {
  std::string key;
  for (char c : name)
    key.push_back(llvm::isAlnum(c) || c == '_' || c == '.' ? c : '_');
  if (key.empty() || llvm::isDigit(key[0]) || key[0] == '.')
    key.insert(0, "_");
  return key;
}

/// Takes ownership of `buffer` (whose data starts at `data`) as a blob when
/// the data is aligned for `align`, copies otherwise.
template <typename Owner>
static AsmResourceBlob makeBlob(std::unique_ptr<Owner> owner,
                                ArrayRef<char> data, size_t align) {
  if (reinterpret_cast<uintptr_t>(data.data()) % align != 0)
    return HeapAsmResourceBlob::allocateAndCopyWithAlign(data, align,
                                                         /*dataIsMutable=*/
                                                         false);
  Owner *raw = owner.release();
  return AsmResourceBlob(
      data, align, [raw](void *, size_t, size_t) { delete raw; },
      /*dataIsMutable=*/false);
}

FailureOr<ElementsAttr> Importer::convertTensor(onnx::TensorProto &tensor,
                                                Location loc, StringRef what) {
  Type elemTy = convertElementType(ctx, tensor.data_type());
  // float64 constants would need a constant lowering of their own.
  if (!elemTy || elemTy.isF64())
    return emitError(loc) << what << " '" << tensor.name()
                          << "' has unsupported data type "
                          << dataTypeName(tensor.data_type())
                          << unsupportedTypeNote(tensor.data_type());
  SmallVector<int64_t> dims(tensor.dims().begin(), tensor.dims().end());
  if (llvm::any_of(dims, [](int64_t d) { return d < 0; }))
    return emitError(loc) << what << " '" << tensor.name()
                          << "' has a negative dimension";
  auto type = RankedTensorType::get(dims, elemTy);
  int64_t numElements = type.getNumElements();
  size_t elemBytes =
      elemTy.isInteger(1) ? 1 : elemTy.getIntOrFloatBitWidth() / 8;
  size_t expectedBytes = size_t(numElements) * elemBytes;

  // Where the little-endian bytes are: raw_data, external data, or one of
  // the typed repeated fields (converted into `converted`).
  std::unique_ptr<std::string> owned;
  std::unique_ptr<llvm::MemoryBuffer> external;
  ArrayRef<char> bytes;
  std::string converted;
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL) {
    std::string location;
    uint64_t offset = 0, length = 0;
    bool hasLength = false;
    for (const auto &entry : tensor.external_data()) {
      if (entry.key() == "location")
        location = entry.value();
      else if (entry.key() == "offset")
        offset = std::strtoull(entry.value().c_str(), nullptr, 10);
      else if (entry.key() == "length") {
        length = std::strtoull(entry.value().c_str(), nullptr, 10);
        hasLength = true;
      }
    }
    SmallString<256> file(llvm::sys::path::parent_path(modelPath));
    llvm::sys::path::append(file, location);
    if (location.empty())
      return emitError(loc) << what << " '" << tensor.name()
                            << "' has external data without a location";
    auto buffer = llvm::MemoryBuffer::getFileSlice(
        file, hasLength ? length : expectedBytes, offset,
        /*IsVolatile=*/false);
    if (!buffer)
      return emitError(loc)
             << "cannot read external data of " << what << " '" << tensor.name()
             << "' from '" << file << "': " << buffer.getError().message();
    external = std::move(*buffer);
    bytes =
        ArrayRef<char>(external->getBufferStart(), external->getBufferSize());
  } else if (tensor.has_raw_data()) {
    owned.reset(tensor.release_raw_data());
    bytes = ArrayRef<char>(owned->data(), owned->size());
  } else {
    auto append = [&](const void *p, size_t n) {
      converted.append(static_cast<const char *>(p), n);
    };
    switch (tensor.data_type()) {
    case onnx::TensorProto::FLOAT:
      for (float v : tensor.float_data())
        append(&v, 4);
      break;
    case onnx::TensorProto::INT64:
      for (int64_t v : tensor.int64_data())
        append(&v, 8);
      break;
    case onnx::TensorProto::INT32:
      for (int32_t v : tensor.int32_data())
        append(&v, 4);
      break;
    case onnx::TensorProto::FLOAT16:
      for (int32_t v : tensor.int32_data()) {
        uint16_t bits = uint16_t(v);
        append(&bits, 2);
      }
      break;
    case onnx::TensorProto::BOOL:
      for (int32_t v : tensor.int32_data()) {
        char b = v != 0;
        append(&b, 1);
      }
      break;
    // Narrow integers sit in int32_data, uint32/uint64 in uint64_data; the
    // low bytes are the little-endian value.
    case onnx::TensorProto::INT8:
    case onnx::TensorProto::UINT8:
    case onnx::TensorProto::INT16:
    case onnx::TensorProto::UINT16:
      for (int32_t v : tensor.int32_data())
        append(&v, elemBytes);
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      for (uint64_t v : tensor.uint64_data())
        append(&v, elemBytes);
      break;
    }
    owned = std::make_unique<std::string>(std::move(converted));
    bytes = ArrayRef<char>(owned->data(), owned->size());
  }
  if (bytes.size() != expectedBytes)
    return emitError(loc) << what << " '" << tensor.name() << "' holds "
                          << bytes.size() << " bytes, expected "
                          << expectedBytes << " for " << type;

  if (elemTy.isInteger(1)) {
    SmallVector<bool> values(bytes.begin(), bytes.end());
    return cast<ElementsAttr>(DenseElementsAttr::get(type, values));
  }
  if (numElements <= nn::kInlineElementLimit)
    return cast<ElementsAttr>(DenseElementsAttr::getFromRawBuffer(type, bytes));
  AsmResourceBlob blob = external
                             ? makeBlob(std::move(external), bytes, elemBytes)
                             : makeBlob(std::move(owned), bytes, elemBytes);
  return cast<ElementsAttr>(DenseResourceElementsAttr::get(
      type, blobName(tensor.name().empty() ? what : tensor.name()),
      std::move(blob)));
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

/// `loc("<node name>"("<op type>"))`: no file inside, so that MLIR's
/// diagnostic printer shows the names for every later diagnostic too.
Location Importer::nodeLoc(const onnx::NodeProto &node) {
  StringRef name = node.name();
  if (name.empty() && node.output_size() > 0)
    name = node.output(0);
  return NameLoc::get(StringAttr::get(ctx, name),
                      NameLoc::get(StringAttr::get(ctx, node.op_type())));
}

std::string Importer::describe(const onnx::NodeProto &node) {
  StringRef name = node.name();
  if (name.empty() && node.output_size() > 0)
    name = node.output(0);
  return "node '" + name.str() + "' (" + node.op_type() + ")";
}

FailureOr<Value> Importer::getValue(StringRef name, Location loc) {
  auto it = values.find(name);
  if (it != values.end())
    return it->second;
  auto init = initializers.find(name);
  if (init == initializers.end())
    return emitError(loc) << "value '" << name << "' is used but never defined";
  // Weights become constants where first used.
  Location initLoc = NameLoc::get(b.getStringAttr(name));
  // Converting moves the bytes out of the proto: reuse the attribute when the
  // module is built again after re-inference.
  if (ElementsAttr cached = convertedTensors.lookup(name)) {
    Value v = nn::ConstantOp::create(b, initLoc, cached);
    values[name] = v;
    return v;
  }
  FailureOr<ElementsAttr> attr = convertTensor(
      *init->second, FusedLoc::get(ctx, {initLoc, fileLoc()}), "initializer");
  if (failed(attr))
    return failure();
  convertedTensors[name] = *attr;
  Value v = nn::ConstantOp::create(b, initLoc, *attr);
  values[name] = v;
  return v;
}

FailureOr<RankedTensorType> Importer::convertType(const onnx::TypeProto &type,
                                                  StringRef name,
                                                  Location loc) {
  if (!type.has_tensor_type())
    return emitError(loc) << "value '" << name << "' is not a tensor";
  const auto &tt = type.tensor_type();
  Type elemTy = convertElementType(ctx, tt.elem_type());
  if (!elemTy)
    return unsupportedType(loc, name, tt.elem_type());
  std::string unknown;
  SmallVector<int64_t> dims;
  if (!tt.has_shape()) {
    unknown = "the shape of value '" + name.str() +
              "' is unknown after shape inference";
  } else {
    for (const auto &dim : tt.shape().dim()) {
      if (!dim.has_dim_value() || dim.dim_value() < 0) {
        unknown = "dimension " + std::to_string(dims.size()) + " of value '" +
                  name.str() + "'" +
                  (dim.has_dim_param() ? " ('" + dim.dim_param() + "')" : "") +
                  " is not static after shape inference";
        break;
      }
      dims.push_back(dim.dim_value());
    }
  }
  if (!unknown.empty()) {
    loc = FusedLoc::get(ctx, {loc, fileLoc()});
    // run() may fold more and infer again: report only when it gives up.
    if (deferUnknownShapes) {
      unknownShape = {loc, unknown};
      return failure();
    }
    return emitError(loc) << unknown;
  }
  return RankedTensorType::get(dims, elemTy);
}

FailureOr<RankedTensorType> Importer::getType(StringRef name, Location loc) {
  auto it = valueTypes.find(name);
  if (it == valueTypes.end())
    return emitError(loc) << "shape inference found no type for value '" << name
                          << "'";
  return convertType(*it->second, name, loc);
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

Importer::Importer(MLIRContext *ctx, onnx::ModelProto &model,
                   StringRef modelPath)
    : ctx(ctx), b(ctx), model(model), modelPath(modelPath.str()) {}

/// Ops the importer knows, with the ONNX default domain.
static bool isSupportedOp(StringRef opType) {
  static const llvm::StringSet<> ops = {
#define ONNX_OP(NAME) #NAME,
#include "OnnxOps.def"
  };
  return ops.contains(opType);
}

LogicalResult Importer::checkSupportedOps() {
  llvm::MapVector<StringRef, SmallVector<std::string>> unsupported;
  for (const auto &node : model.graph().node()) {
    bool defaultDomain = node.domain().empty() || node.domain() == "ai.onnx";
    if (defaultDomain && isSupportedOp(node.op_type()))
      continue;
    std::string opName =
        defaultDomain ? node.op_type() : node.domain() + "." + node.op_type();
    unsupported[b.getStringAttr(opName).getValue()].push_back(
        node.name().empty()
            ? "<unnamed, output '" +
                  (node.output_size() ? node.output(0) : "") + "'>"
            : node.name());
  }
  if (unsupported.empty())
    return success();
  InFlightDiagnostic diag = emitError(fileLoc())
                            << "the model uses unsupported ONNX ops: ";
  bool first = true;
  for (auto &[op, nodes] : unsupported) {
    if (!first)
      diag << "; ";
    first = false;
    diag << op << " (node" << (nodes.size() > 1 ? "s " : " ");
    llvm::interleaveComma(
        nodes, diag, [&](const std::string &n) { diag << "'" << n << "'"; });
    diag << ")";
  }
  return failure();
}

/// Ops that need only an order of their float64 operands: the lowering
/// compares their bits as 64-bit integers (docs/typed-elementwise.md).
static bool acceptsFloat64(StringRef opType) {
  return opType == "Max" || opType == "Min";
}

LogicalResult Importer::checkFloat64Uses() {
  auto isFloat64 = [&](const std::string &name) {
    auto it = valueTypes.find(name);
    return !name.empty() && it != valueTypes.end() &&
           it->second->has_tensor_type() &&
           it->second->tensor_type().elem_type() == onnx::TensorProto::DOUBLE;
  };
  for (const auto &node : model.graph().node()) {
    if (acceptsFloat64(node.op_type()))
      continue;
    auto in = llvm::find_if(node.input(), isFloat64);
    auto out = llvm::find_if(node.output(), isFloat64);
    if (in == node.input().end() && out == node.output().end())
      continue;
    return unsupportedType(FusedLoc::get(ctx, {nodeLoc(node), fileLoc()}),
                           in != node.input().end() ? *in : *out,
                           onnx::TensorProto::DOUBLE)
           << "; only Max and Min take float64, not " << describe(node);
  }
  return success();
}

Location Importer::fileLoc() {
  return FileLineColLoc::get(ctx, modelPath, 0, 0);
}

LogicalResult Importer::checkAttributeRanges() {
  // libonnx's shape inference divides by these without checking.
  static const llvm::StringSet<> windowOps = {"Conv", "ConvTranspose",
                                              "MaxPool", "AveragePool"};
  for (const auto &node : model.graph().node()) {
    for (const auto &a : node.attribute()) {
      bool positiveInts = windowOps.contains(node.op_type()) &&
                          (a.name() == "strides" || a.name() == "dilations" ||
                           a.name() == "kernel_shape");
      bool positiveInt = a.name() == "blocksize" || a.name() == "group";
      if ((positiveInts &&
           llvm::any_of(a.ints(), [](int64_t v) { return v <= 0; })) ||
          (positiveInt && a.i() <= 0))
        return emitError(FusedLoc::get(ctx, {nodeLoc(node), fileLoc()}))
               << describe(node) << ": attribute '" << a.name()
               << "' must be positive";
    }
  }
  return success();
}

LogicalResult Importer::applyInputShapes(const OnnxImportOptions &options) {
  auto *graph = model.mutable_graph();
  llvm::StringSet<> initNames;
  for (const auto &t : graph->initializer())
    initNames.insert(t.name());
  for (const InputShape &shape : options.inputShapes) {
    onnx::ValueInfoProto *input = nullptr;
    for (auto &in : *graph->mutable_input())
      if (in.name() == shape.name && !initNames.contains(in.name()))
        input = &in;
    if (!input) {
      InFlightDiagnostic diag = emitError(fileLoc())
                                << "--input-shape names unknown input '"
                                << shape.name << "'; the model's inputs are: ";
      bool first = true;
      for (const auto &in : graph->input()) {
        if (initNames.contains(in.name()))
          continue;
        diag << (first ? "" : ", ") << "'" << in.name() << "'";
        first = false;
      }
      return failure();
    }
    auto *tt = input->mutable_type()->mutable_tensor_type();
    if (tt->has_shape() && tt->shape().dim_size() != int(shape.dims.size()))
      return emitError(fileLoc()) << "--input-shape gives " << shape.dims.size()
                                  << " dimensions for input '" << shape.name
                                  << "' of rank " << tt->shape().dim_size();
    auto *s = tt->mutable_shape();
    s->clear_dim();
    for (int64_t d : shape.dims)
      s->add_dim()->set_dim_value(d);
  }
  if (!options.inputShapes.empty()) {
    // Recorded intermediate shapes may hold the old sizes: infer them anew.
    graph->clear_value_info();
    for (auto &out : *graph->mutable_output())
      if (out.has_type() && out.type().has_tensor_type())
        out.mutable_type()->mutable_tensor_type()->clear_shape();
  }
  return success();
}

LogicalResult Importer::checkStaticInputs() {
  for (const auto &input : model.graph().input()) {
    if (initializers.count(input.name()))
      continue;
    const auto &tt = input.type().tensor_type();
    if (!input.type().has_tensor_type())
      return emitError(fileLoc())
             << "input '" << input.name() << "' is not a tensor";
    if (!tt.has_shape())
      return emitError(fileLoc())
             << "input '" << input.name()
             << "' has no shape; pass one with --input-shape " << input.name()
             << ":D0,D1,...";
    for (int i = 0; i < tt.shape().dim_size(); ++i) {
      const auto &dim = tt.shape().dim(i);
      if (dim.has_dim_value() && dim.dim_value() >= 0)
        continue;
      std::string suggestion = input.name() + ":";
      for (int j = 0; j < tt.shape().dim_size(); ++j) {
        const auto &d = tt.shape().dim(j);
        if (j)
          suggestion += ",";
        suggestion += d.has_dim_value() && d.dim_value() >= 0
                          ? std::to_string(d.dim_value())
                          : "<" +
                                (d.dim_param().empty() ? "D" + std::to_string(j)
                                                       : d.dim_param()) +
                                ">";
      }
      return emitError(fileLoc())
             << "input '" << input.name() << "' has dynamic dimension " << i
             << (dim.dim_param().empty() ? "" : " ('" + dim.dim_param() + "')")
             << "; pass its size with --input-shape " << suggestion;
    }
  }
  return success();
}

OwningOpRef<ModuleOp> Importer::run(const OnnxImportOptions &options) {
  if (!model.has_graph()) {
    emitError(fileLoc()) << "the model has no graph";
    return {};
  }
  for (const auto &opset : model.opset_import())
    if (opset.domain().empty() || opset.domain() == "ai.onnx")
      opsetVersion = opset.version();
  if (opsetVersion == 0 && model.ir_version() < 3)
    opsetVersion = 1;
  if (opsetVersion < 1 || opsetVersion > 17) {
    emitError(fileLoc()) << "unsupported ONNX opset " << opsetVersion
                         << "; supported are 7 to 17";
    return {};
  }
  // Opsets 1 to 6 are imported with the opset-7 handlers: the attributes
  // that opset 7 dropped are hints (consumed_inputs, is_test) or are
  // handled there (broadcast with axis on binary ops, in importBinary).
  // Unnamed nodes are named after their first output, so that every message
  // (ours and libonnx's) and every location can name them.
  for (auto &node : *model.mutable_graph()->mutable_node())
    if (node.name().empty() && node.output_size() > 0)
      node.set_name(node.output(0));
  if (failed(checkSupportedOps()))
    return {};
  std::string error;
  if (!verifyNodes(model, opsetVersion, error)) {
    emitError(fileLoc()) << error;
    return {};
  }
  if (failed(checkAttributeRanges()))
    return {};
  auto *graph = model.mutable_graph();
  for (auto &t : *graph->mutable_initializer())
    initializers[t.name()] = &t;
  if (failed(applyInputShapes(options)))
    return {};
  if (failed(checkStaticInputs()))
    return {};
  // libonnx's data propagation stops at some shape subgraphs (Squeeze,
  // Unsqueeze, ...) that the importer folds. When a shape stays unknown,
  // the folded values become initializers and inference runs again.
  constexpr unsigned kMaxInferenceRounds = 8;
  // Strict inference gives the best message for a broken model; when it
  // fails, lenient inference leaves the failing nodes' outputs unknown and
  // the importer may still resolve them by folding. The strict error is
  // reported if it cannot.
  std::string strictError;
  for (unsigned round = 0;; ++round) {
    if (!inferShapes(model, /*strict=*/strictError.empty(), error)) {
      if (!strictError.empty() || round + 1 >= kMaxInferenceRounds) {
        emitError(fileLoc()) << (strictError.empty() ? error : strictError);
        return {};
      }
      strictError = error;
      if (!inferShapes(model, /*strict=*/false, error)) {
        emitError(fileLoc()) << strictError;
        return {};
      }
    }
    deferUnknownShapes = round + 1 < kMaxInferenceRounds;
    unknownShape.reset();
    // The partial module stays alive until its folded values are promoted.
    OwningOpRef<ModuleOp> module;
    if (succeeded(buildModule(module)))
      return module;
    if (!unknownShape) {
      // The error may follow from what strict inference rejected.
      if (!strictError.empty())
        emitError(fileLoc()) << strictError;
      return {};
    }
    if (!promoteFoldedConstants()) {
      if (!strictError.empty())
        emitError(fileLoc()) << strictError;
      else
        emitError(unknownShape->first) << unknownShape->second;
      return {};
    }
  }
}

LogicalResult Importer::buildModule(OwningOpRef<ModuleOp> &module) {
  auto *graph = model.mutable_graph();
  values.clear();
  valueTypes.clear();
  consumed.clear();
  for (const auto &vi : graph->input())
    valueTypes[vi.name()] = &vi.type();
  for (const auto &vi : graph->value_info())
    valueTypes[vi.name()] = &vi.type();
  for (const auto &vi : graph->output())
    valueTypes[vi.name()] = &vi.type();

  if (failed(checkFloat64Uses()))
    return failure();

  module = ModuleOp::create(fileLoc());
  b.setInsertionPointToEnd(module->getBody());

  SmallVector<Type> argTypes;
  SmallVector<std::string> argNames;
  for (const auto &input : graph->input()) {
    if (initializers.count(input.name()))
      continue;
    FailureOr<RankedTensorType> ty =
        convertType(input.type(), input.name(), fileLoc());
    if (failed(ty))
      return failure();
    argTypes.push_back(*ty);
    argNames.push_back(input.name());
  }
  // Result types are those of the imported values, checked below against
  // ONNX's where it inferred them.
  auto func = func::FuncOp::create(b, fileLoc(), "main",
                                   b.getFunctionType(argTypes, {}));
  Block *entry = func.addEntryBlock();
  for (auto [i, name] : llvm::enumerate(argNames)) {
    func.setArgAttr(i, "nn.name", b.getStringAttr(name));
    entry->getArgument(i).setLoc(NameLoc::get(b.getStringAttr(name)));
    values[name] = entry->getArgument(i);
  }
  b.setInsertionPointToEnd(entry);

  for (const auto &node : graph->node())
    for (const std::string &in : node.input())
      consumed.insert(in);
  for (const auto &output : graph->output())
    consumed.insert(output.name());
  for (const auto &node : graph->node())
    if (failed(importNode(node)))
      return failure();

  SmallVector<Value> results;
  for (const auto &output : graph->output()) {
    FailureOr<Value> v = getValue(output.name(), fileLoc());
    if (failed(v))
      return failure();
    const auto &tt = output.type().tensor_type();
    bool inferred =
        tt.has_shape() && llvm::all_of(tt.shape().dim(), [](const auto &d) {
          return d.has_dim_value();
        });
    if (inferred) {
      FailureOr<RankedTensorType> ty =
          convertType(output.type(), output.name(), fileLoc());
      if (failed(ty))
        return failure();
      if (v->getType() != *ty) {
        emitError(fileLoc())
            << "graph output '" << output.name() << "' was imported as "
            << v->getType() << " but inferred as " << *ty;
        return failure();
      }
    }
    results.push_back(*v);
  }
  func.setType(b.getFunctionType(argTypes, ValueRange(results).getTypes()));
  for (auto [i, output] : llvm::enumerate(graph->output()))
    func.setResultAttr(i, "nn.name", b.getStringAttr(output.name()));
  func::ReturnOp::create(b, fileLoc(), results);
  // Folding shape subgraphs leaves their inputs unused; drop them so the
  // output holds only what the graph computes.
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*entry)))
    if (isOpTriviallyDead(&op))
      op.erase();
  return verify(*module);
}

bool Importer::promoteFoldedConstants() {
  auto *graph = model.mutable_graph();
  llvm::StringSet<> nodeOutputs;
  for (const auto &node : graph->node())
    for (const std::string &out : node.output())
      nodeOutputs.insert(out);
  bool promoted = false;
  for (auto &entry : values) {
    StringRef name = entry.getKey();
    Attribute attr;
    if (initializers.count(name) || !nodeOutputs.contains(name) ||
        !matchPattern(entry.getValue(), m_Constant(&attr)))
      continue;
    auto dense = dyn_cast<DenseElementsAttr>(attr);
    // Empty values stay out: libonnx 1.12's Concat inference rejects an
    // empty initializer operand ("axis must be in [-rank, rank-1]"), and its
    // data propagation knows them already.
    if (!dense || dense.getNumElements() == 0 ||
        dense.getNumElements() > nn::kFoldElementLimit)
      continue;
    onnx::TensorProto *t = graph->add_initializer();
    t->set_name(name.str());
    for (int64_t d : dense.getType().getShape())
      t->add_dims(d);
    Type elemTy = dense.getElementType();
    if (elemTy.isF32() || elemTy.isF16()) {
      t->set_data_type(elemTy.isF32() ? onnx::TensorProto::FLOAT
                                      : onnx::TensorProto::FLOAT16);
      for (const APFloat &f : dense.getValues<APFloat>()) {
        if (elemTy.isF32())
          t->add_float_data(f.convertToFloat());
        else
          t->add_int32_data(int32_t(f.bitcastToAPInt().getZExtValue()));
      }
    } else {
      unsigned width = elemTy.getIntOrFloatBitWidth();
      t->set_data_type(width == 64   ? onnx::TensorProto::INT64
                       : width == 32 ? onnx::TensorProto::INT32
                                     : onnx::TensorProto::BOOL);
      for (const APInt &v : dense.getValues<APInt>()) {
        if (width == 64)
          t->add_int64_data(v.getSExtValue());
        else
          t->add_int32_data(
              int32_t(width == 1 ? v.getZExtValue() : v.getSExtValue()));
      }
    }
    initializers[name] = t;
    convertedTensors[name] = cast<ElementsAttr>(dense);
    // Before IR version 4 libonnx only sees initializers that are inputs.
    if (model.ir_version() < 4) {
      auto *input = graph->add_input();
      input->set_name(name.str());
      auto *tt = input->mutable_type()->mutable_tensor_type();
      tt->set_elem_type(t->data_type());
      for (int64_t d : dense.getType().getShape())
        tt->mutable_shape()->add_dim()->set_dim_value(d);
    }
    promoted = true;
  }
  if (!promoted)
    return false;
  // Nodes whose outputs all became initializers are done.
  auto *nodes = graph->mutable_node();
  for (int i = nodes->size() - 1; i >= 0; --i) {
    const auto &node = nodes->Get(i);
    if (node.output_size() > 0 &&
        llvm::all_of(node.output(), [&](const std::string &out) {
          return out.empty() || initializers.count(out);
        }))
      nodes->DeleteSubrange(i, 1);
  }
  return true;
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

/// The textual syntax starts with `<` after blanks and `#` comment lines; a
/// binary ModelProto starts with a field tag.
static bool isTextual(StringRef data, StringRef path) {
  if (path.ends_with(".onnxtxt"))
    return true;
  StringRef rest = data.ltrim();
  while (rest.starts_with("#"))
    rest = rest.drop_until([](char c) { return c == '\n'; }).ltrim();
  return !rest.empty() && rest.front() == '<';
}

OwningOpRef<ModuleOp>
ascend::importOnnxModel(StringRef data, StringRef path, MLIRContext *context,
                        const OnnxImportOptions &options) {
  context->loadDialect<nn::NNDialect, func::FuncDialect>();
  onnx::ModelProto model;
  std::string error;
  if (!parseModel(data, isTextual(data, path), model, error)) {
    emitError(FileLineColLoc::get(context, path, 0, 0)) << error;
    return {};
  }
  Importer importer(context, model, path);
  return importer.run(options);
}

OwningOpRef<ModuleOp> ascend::importOnnxFile(StringRef path,
                                             MLIRContext *context,
                                             const OnnxImportOptions &options) {
  Location loc = FileLineColLoc::get(context, path, 0, 0);
  // Sniff the syntax from the first bytes; only text is read whole.
  uint64_t size = 0;
  if (std::error_code ec = llvm::sys::fs::file_size(path, size)) {
    emitError(loc) << "cannot open '" << path << "': " << ec.message();
    return {};
  }
  auto head =
      llvm::MemoryBuffer::getFileSlice(path, std::min<uint64_t>(size, 4096), 0);
  if (!head) {
    emitError(loc) << "cannot open '" << path
                   << "': " << head.getError().message();
    return {};
  }
  if (isTextual((*head)->getBuffer(), path)) {
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
    if (!buffer) {
      emitError(loc) << "cannot read '" << path
                     << "': " << buffer.getError().message();
      return {};
    }
    return importOnnxModel((*buffer)->getBuffer(), path, context, options);
  }
  context->loadDialect<nn::NNDialect, func::FuncDialect>();
  onnx::ModelProto model;
  std::string error;
  if (!parseModelFile(path, model, error)) {
    emitError(loc) << error;
    return {};
  }
  Importer importer(context, model, path);
  return importer.run(options);
}
