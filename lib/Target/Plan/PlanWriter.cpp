//===- PlanWriter.cpp - Encode an isa.plan into the binary format ---------===//
//
// Instructions are encoded generically (op name + attributes + nested
// regions) so new isa ops need no change here; see docs/plan-format.md.
//
//===----------------------------------------------------------------------===//

#include "ascend/Target/Plan.h"

#include "PlanFormat.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/EndianStream.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace ascend;
using namespace ascend::plan;
using namespace ascend::plan::format;

namespace {

/// The little-endian bytes of one section.
class SectionBuffer {
public:
  SectionBuffer() : os(bytes), writer(os, llvm::endianness::little) {}

  void u8(uint8_t value) { writer.write(value); }
  void u32(uint32_t value) { writer.write(value); }
  void u64(uint64_t value) { writer.write(value); }
  void i64(int64_t value) { writer.write(value); }
  void raw(ArrayRef<char> data) { os.write(data.data(), data.size()); }
  /// Pads with zeros to a multiple of `alignment`.
  void align(uint64_t alignment) {
    os.write_zeros(llvm::alignTo(bytes.size(), alignment) - bytes.size());
  }
  uint64_t size() const { return bytes.size(); }
  StringRef str() const { return bytes; }

private:
  SmallString<256> bytes;
  llvm::raw_svector_ostream os;
  llvm::support::endian::Writer writer;
};

class PlanWriter {
public:
  explicit PlanWriter(isa::PlanOp plan) : plan(plan) {}

  LogicalResult write(raw_ostream &os);

private:
  uint32_t internString(StringRef string);
  uint32_t internLocation(Location loc);
  uint32_t internOpcode(Operation *op);

  LogicalResult checkNoDiscardableAttrs(Operation *op);
  LogicalResult writeShape(Operation *op, ShapedType type, SectionBuffer &out);
  LogicalResult writeTensor(isa::TensorOp tensor);
  LogicalResult writeConstant(isa::ConstantOp constant, StringRef name);
  LogicalResult writeKernel(isa::KernelOp kernel, uint32_t kernelIndex);
  LogicalResult writeInstructions(Block &block, uint32_t kernelIndex,
                                  uint32_t &counter, unsigned depth);
  LogicalResult writeAttribute(Operation *op, NamedAttribute attr);
  void assemble(raw_ostream &os);

  isa::PlanOp plan;

  llvm::StringMap<uint32_t> stringIndex;
  SmallVector<StringRef> strings;
  llvm::DenseMap<Location, uint32_t> locationIndex;
  uint32_t numLocations = 0;
  llvm::DenseMap<OperationName, uint32_t> opcodeIndex;
  SmallVector<uint32_t> opcodes;

  // Section bodies; assemble() prefixes the entry counts.
  SectionBuffer locations, planInfo, tensors, constants, data, kernels, debug;
  uint32_t numTensors = 0, numConstants = 0, numKernels = 0;
  uint32_t numDebugEntries = 0;
};

} // namespace

uint32_t PlanWriter::internString(StringRef string) {
  auto [it, inserted] = stringIndex.try_emplace(string, strings.size());
  if (inserted)
    strings.push_back(it->getKey());
  return it->second;
}

uint32_t PlanWriter::internLocation(Location loc) {
  if (auto it = locationIndex.find(loc); it != locationIndex.end())
    return it->second;
  // Children first: entries only refer to earlier entries, so the reader
  // needs no recursion.
  SectionBuffer entry;
  if (auto opaque = dyn_cast<OpaqueLoc>(loc)) {
    uint32_t index = internLocation(opaque.getFallbackLocation());
    locationIndex[loc] = index;
    return index;
  }
  if (auto range = dyn_cast<FileLineColRange>(loc)) {
    entry.u8(uint8_t(LocKind::FileLineCol));
    entry.u32(internString(range.getFilename().getValue()));
    entry.u32(range.getStartLine());
    entry.u32(range.getStartColumn());
    entry.u32(range.getEndLine());
    entry.u32(range.getEndColumn());
  } else if (auto name = dyn_cast<NameLoc>(loc)) {
    uint32_t child = internLocation(name.getChildLoc());
    entry.u8(uint8_t(LocKind::Name));
    entry.u32(internString(name.getName().getValue()));
    entry.u32(child);
  } else if (auto fused = dyn_cast<FusedLoc>(loc)) {
    SmallVector<uint32_t> children;
    for (Location child : fused.getLocations())
      children.push_back(internLocation(child));
    // Only string metadata is kept; other metadata has no encoding.
    uint32_t metadata = 0;
    if (auto string = dyn_cast_or_null<StringAttr>(fused.getMetadata()))
      metadata = internString(string.getValue()) + 1;
    entry.u8(uint8_t(LocKind::Fused));
    entry.u32(metadata);
    entry.u32(children.size());
    for (uint32_t child : children)
      entry.u32(child);
  } else if (auto call = dyn_cast<CallSiteLoc>(loc)) {
    uint32_t callee = internLocation(call.getCallee());
    uint32_t caller = internLocation(call.getCaller());
    entry.u8(uint8_t(LocKind::CallSite));
    entry.u32(callee);
    entry.u32(caller);
  } else {
    entry.u8(uint8_t(LocKind::Unknown));
  }
  locations.raw(entry.str());
  uint32_t index = numLocations++;
  locationIndex[loc] = index;
  return index;
}

uint32_t PlanWriter::internOpcode(Operation *op) {
  auto [it, inserted] =
      opcodeIndex.try_emplace(op->getName(), uint32_t(opcodes.size()));
  if (inserted)
    opcodes.push_back(internString(op->getName().getStringRef()));
  return it->second;
}

LogicalResult PlanWriter::checkNoDiscardableAttrs(Operation *op) {
  for (NamedAttribute attr : op->getDiscardableAttrs())
    return op->emitError("cannot encode attribute '")
           << attr.getName().getValue()
           << "' in a plan file: only instructions carry extra attributes";
  return success();
}

LogicalResult PlanWriter::writeShape(Operation *op, ShapedType type,
                                     SectionBuffer &out) {
  std::optional<TypeCode> code = getTypeCode(type.getElementType());
  if (!code)
    return op->emitError("element type ")
           << type.getElementType() << " has no plan-file type code";
  if (!type.hasStaticShape() || type.getRank() > kMaxRank)
    return op->emitError("shape of ")
           << type << " must be static with rank at most " << kMaxRank;
  uint64_t elements = 1;
  for (int64_t dim : type.getShape()) {
    elements = llvm::SaturatingMultiply(elements, uint64_t(dim));
    if (dim > kMaxDim || elements > kMaxElements)
      return op->emitError("shape of ") << type << " is too large";
  }
  out.u8(uint8_t(*code));
  out.u32(type.getRank());
  for (int64_t dim : type.getShape())
    out.u64(dim);
  return success();
}

LogicalResult PlanWriter::writeTensor(isa::TensorOp tensor) {
  if (failed(checkNoDiscardableAttrs(tensor)))
    return failure();
  tensors.u32(internString(tensor.getName()));
  tensors.u8(uint8_t(tensor.getKind()));
  if (failed(writeShape(tensor, cast<ShapedType>(tensor.getType()), tensors)))
    return failure();
  tensors.u64(tensor.getOffset());
  tensors.u32(internLocation(tensor.getLoc()));
  return success();
}

/// Appends the elements of `attr` to `out` row-major, little-endian, each in
/// getStorageBytes() bytes: the same bytes a dense_resource blob holds.
static void writeDenseElements(DenseElementsAttr attr, SectionBuffer &out) {
  Type elementType = attr.getElementType();
  uint64_t bytes = getStorageBytes(elementType);
  auto emit = [&](const APInt &bits) {
    uint64_t value = bits.getZExtValue();
    for (uint64_t i = 0; i < bytes; ++i)
      out.u8(uint8_t(value >> (8 * i)));
  };
  if (llvm::isa<FloatType>(elementType)) {
    for (const APFloat &value : attr.getValues<APFloat>())
      emit(value.bitcastToAPInt());
  } else {
    for (const APInt &value : attr.getValues<APInt>())
      emit(value);
  }
}

LogicalResult PlanWriter::writeConstant(isa::ConstantOp constant,
                                        StringRef name) {
  if (failed(checkNoDiscardableAttrs(constant)))
    return failure();
  ElementsAttr value = constant.getValue();
  ShapedType type = value.getShapedType();
  constants.u32(internString(name));
  if (failed(writeShape(constant, type, constants)))
    return failure();
  constants.u64(constant.getOffset());

  data.align(kDataAlignment);
  uint64_t dataOffset = data.size();
  uint64_t expected =
      type.getNumElements() * getStorageBytes(type.getElementType());
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return constant.emitError("dense_resource '")
             << resource.getRawHandle().getKey() << "' has no data";
    ArrayRef<char> bytes = blob->getData();
    if (bytes.size() != expected)
      return constant.emitError("dense_resource '")
             << resource.getRawHandle().getKey() << "' holds " << bytes.size()
             << " bytes, but " << type << " needs " << expected;
    data.raw(bytes);
  } else if (auto dense = dyn_cast<DenseIntOrFPElementsAttr>(value)) {
    writeDenseElements(dense, data);
  } else {
    return constant.emitError("cannot encode constant ")
           << value << ": expected dense or dense_resource elements";
  }
  constants.u64(dataOffset);
  constants.u64(expected);
  constants.u32(internLocation(constant.getLoc()));
  return success();
}

LogicalResult PlanWriter::writeAttribute(Operation *op, NamedAttribute attr) {
  Attribute value = attr.getValue();
  auto unsupported = [&](StringRef why) {
    return op->emitError("cannot encode attribute '")
           << attr.getName().getValue() << "' (" << value << "): " << why;
  };
  SectionBuffer entry;
  entry.u32(internString(attr.getName().getValue()));
  if (auto pipe = dyn_cast<isa::PipeAttr>(value)) {
    entry.u8(uint8_t(AttrKind::Pipe));
    entry.u32(uint32_t(pipe.getValue()));
  } else if (auto address = dyn_cast<isa::AddressAttr>(value)) {
    entry.u8(uint8_t(AttrKind::Address));
    entry.u8(uint8_t(address.getSpace()));
    entry.u32(address.getBase());
    entry.i64(address.getOffset());
  } else if (auto integer = dyn_cast<IntegerAttr>(value)) {
    std::optional<TypeCode> code = getTypeCode(integer.getType());
    if (!code)
      return unsupported("integer type has no type code");
    // i1 and unsigned values are zero-extended, the rest sign-extended.
    const APInt &bits = integer.getValue();
    bool zext =
        integer.getType().isUnsignedInteger() || integer.getType().isInteger(1);
    entry.u8(uint8_t(AttrKind::Integer));
    entry.u8(uint8_t(*code));
    entry.i64(zext ? int64_t(bits.getZExtValue()) : bits.getSExtValue());
  } else if (auto floating = dyn_cast<FloatAttr>(value)) {
    std::optional<TypeCode> code = getTypeCode(floating.getType());
    if (!code)
      return unsupported("float type has no type code");
    entry.u8(uint8_t(AttrKind::Float));
    entry.u8(uint8_t(*code));
    entry.u64(floating.getValue().bitcastToAPInt().getZExtValue());
  } else if (llvm::isa<UnitAttr>(value)) {
    entry.u8(uint8_t(AttrKind::Unit));
  } else if (auto type = dyn_cast<TypeAttr>(value)) {
    std::optional<TypeCode> code = getTypeCode(type.getValue());
    if (!code)
      return unsupported("type has no type code");
    entry.u8(uint8_t(AttrKind::Type));
    entry.u8(uint8_t(*code));
  } else if (auto string = dyn_cast<StringAttr>(value)) {
    entry.u8(uint8_t(AttrKind::String));
    entry.u32(internString(string.getValue()));
  } else {
    return unsupported("no plan-file encoding for this kind of attribute");
  }
  kernels.raw(entry.str());
  return success();
}

LogicalResult PlanWriter::writeInstructions(Block &block, uint32_t kernelIndex,
                                            uint32_t &counter, unsigned depth) {
  kernels.u32(block.getOperations().size());
  for (Operation &op : block) {
    if (op.getDialect() != plan->getDialect() ||
        llvm::isa<isa::PlanOp, isa::TensorOp, isa::ConstantOp, isa::KernelOp>(
            op))
      return op.emitError("only isa instructions can be encoded in a kernel");
    if (op.getNumOperands() || op.getNumResults() || op.getNumSuccessors())
      return op.emitError("cannot encode operands, results or successors");
    if (depth >= kMaxRegionDepth && op.getNumRegions())
      return op.emitError("regions nest deeper than ")
             << kMaxRegionDepth << " levels";

    uint32_t index = counter++;
    debug.u32(kernelIndex);
    debug.u32(index);
    debug.u32(internLocation(op.getLoc()));
    ++numDebugEntries;

    kernels.u32(internOpcode(&op));
    ArrayRef<NamedAttribute> attrs = op.getAttrs();
    kernels.u32(attrs.size());
    for (NamedAttribute attr : attrs)
      if (failed(writeAttribute(&op, attr)))
        return failure();
    kernels.u32(op.getNumRegions());
    for (Region &region : op.getRegions()) {
      if (region.empty()) {
        kernels.u32(0);
        continue;
      }
      if (!region.hasOneBlock())
        return op.emitError("cannot encode a region with several blocks");
      if (failed(writeInstructions(region.front(), kernelIndex, counter,
                                   depth + 1)))
        return failure();
    }
  }
  return success();
}

LogicalResult PlanWriter::writeKernel(isa::KernelOp kernel,
                                      uint32_t kernelIndex) {
  if (failed(checkNoDiscardableAttrs(kernel)))
    return failure();
  kernels.u32(internString(kernel.getSymName()));
  kernels.u32(kernel.getBlockDim());
  kernels.u32(internLocation(kernel.getLoc()));
  uint32_t counter = 0;
  return writeInstructions(kernel.getBody().front(), kernelIndex, counter, 0);
}

void PlanWriter::assemble(raw_ostream &os) {
  SectionBuffer stringSection, opcodeSection;
  stringSection.u32(strings.size());
  for (StringRef string : strings) {
    stringSection.u32(string.size());
    stringSection.raw(string);
  }
  opcodeSection.u32(opcodes.size());
  for (uint32_t name : opcodes)
    opcodeSection.u32(name);
  auto counted = [](uint32_t count, const SectionBuffer &body) {
    auto section = std::make_unique<SectionBuffer>();
    section->u32(count);
    section->raw(body.str());
    return section;
  };
  auto locationSection = counted(numLocations, locations);
  auto tensorSection = counted(numTensors, tensors);
  auto constantSection = counted(numConstants, constants);
  auto kernelSection = counted(numKernels, kernels);
  auto debugSection = counted(numDebugEntries, debug);

  std::pair<SectionId, StringRef> sections[] = {
      {SectionId::Strings, stringSection.str()},
      {SectionId::Locations, locationSection->str()},
      {SectionId::Plan, planInfo.str()},
      {SectionId::Tensors, tensorSection->str()},
      {SectionId::Constants, constantSection->str()},
      {SectionId::Data, data.str()},
      {SectionId::Opcodes, opcodeSection.str()},
      {SectionId::Kernels, kernelSection->str()},
      {SectionId::Debug, debugSection->str()},
  };

  SectionBuffer file;
  file.raw(kMagic);
  file.u32(kFormatVersion);
  file.u32(std::size(sections));
  uint64_t offset = kHeaderSize + kSectionEntrySize * std::size(sections);
  for (auto [id, bytes] : sections) {
    offset = llvm::alignTo(offset, id == SectionId::Data ? kDataAlignment
                                                         : kSectionAlignment);
    file.u32(uint32_t(id));
    file.u32(0);
    file.u64(offset);
    file.u64(bytes.size());
    offset += bytes.size();
  }
  for (auto [id, bytes] : sections) {
    file.align(id == SectionId::Data ? kDataAlignment : kSectionAlignment);
    file.raw(bytes);
  }
  os << file.str();
}

LogicalResult PlanWriter::write(raw_ostream &os) {
  // Only verified plans are encoded, so a plan file always decodes.
  if (failed(verify(plan)) || failed(checkNoDiscardableAttrs(plan)))
    return failure();

  planInfo.u32(internString(plan.getTarget()));
  planInfo.u64(plan.getGmSize());
  planInfo.u32(internLocation(plan.getLoc()));

  // dense_resource constants keep their blob names; dense ones get fresh
  // names so that the reader's dense_resource blobs are named alike.
  llvm::StringSet<> usedNames;
  for (auto constant : plan.getOps<isa::ConstantOp>())
    if (auto resource =
            dyn_cast<DenseResourceElementsAttr>(constant.getValue()))
      usedNames.insert(resource.getRawHandle().getKey());

  uint32_t nextName = 0;
  for (Operation &op : plan.getBody().front()) {
    if (auto tensor = dyn_cast<isa::TensorOp>(op)) {
      if (failed(writeTensor(tensor)))
        return failure();
      ++numTensors;
    } else if (auto constant = dyn_cast<isa::ConstantOp>(op)) {
      std::string name;
      if (auto resource =
              dyn_cast<DenseResourceElementsAttr>(constant.getValue())) {
        name = resource.getRawHandle().getKey().str();
      } else {
        do
          name = "cst" + std::to_string(nextName++);
        while (usedNames.contains(name));
      }
      if (failed(writeConstant(constant, name)))
        return failure();
      ++numConstants;
    } else if (auto kernel = dyn_cast<isa::KernelOp>(op)) {
      if (failed(writeKernel(kernel, numKernels)))
        return failure();
      ++numKernels;
    } else {
      return op.emitError("cannot encode this op in a plan file");
    }
  }
  assemble(os);
  return success();
}

LogicalResult ascend::plan::writePlan(isa::PlanOp plan, raw_ostream &os) {
  return PlanWriter(plan).write(os);
}
