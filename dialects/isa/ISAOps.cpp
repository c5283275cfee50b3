//===- ISAOps.cpp - Instructions of the isa dialect -----------------------===//

#include "isa/ISAOps.h"

#include "ascend/Machine/MachineModel.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>

using namespace mlir;
using namespace ascend;
using namespace ascend::isa;

//===----------------------------------------------------------------------===//
// Operand syntax: rN, bare pipe names, space[rN + imm]
//===----------------------------------------------------------------------===//

static ParseResult parseReg(OpAsmParser &parser, IntegerAttr &reg) {
  uint32_t index;
  if (parseRegisterName(parser, index))
    return failure();
  reg = parser.getBuilder().getI32IntegerAttr(index);
  return success();
}

static void printReg(OpAsmPrinter &printer, Operation *, IntegerAttr reg) {
  printer << "r" << reg.getInt();
}

static ParseResult parsePipe(OpAsmParser &parser, PipeAttr &pipe) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef name;
  if (parser.parseKeyword(&name))
    return failure();
  std::optional<Pipe> value = symbolizePipe(name);
  if (!value)
    return parser.emitError(loc, "unknown pipe '") << name << "'";
  pipe = PipeAttr::get(parser.getContext(), *value);
  return success();
}

static void printPipe(OpAsmPrinter &printer, Operation *, PipeAttr pipe) {
  printer << stringifyPipe(pipe.getValue());
}

static ParseResult parseAddress(OpAsmParser &parser, AddressAttr &address) {
  return parseAddressBody(parser, address);
}

static void printAddress(OpAsmPrinter &printer, Operation *,
                         AddressAttr address) {
  printAddressBody(printer, address);
}

//===----------------------------------------------------------------------===//
// Verification helpers
//===----------------------------------------------------------------------===//

/// Byte alignment the instruction encoding requires of addresses in `space`.
static int64_t getAddressAlignment(MemorySpace space) {
  switch (space) {
  case MemorySpace::L0A:
  case MemorySpace::L0B:
    return 512;
  case MemorySpace::L0C:
    return 64;
  case MemorySpace::L1:
  case MemorySpace::UB:
    return 32;
  case MemorySpace::GM:
    return 1;
  }
  llvm_unreachable("unknown memory space");
}

/// Checks that `address` is in `expected` (when given) and that its offset is
/// aligned for its space.
static LogicalResult checkAddress(Operation *op, StringRef name,
                                  AddressAttr address,
                                  std::optional<MemorySpace> expected = {}) {
  if (expected && address.getSpace() != *expected)
    return op->emitOpError()
           << name << " must be in " << stringifyMemorySpace(*expected)
           << ", not " << stringifyMemorySpace(address.getSpace());
  int64_t alignment = getAddressAlignment(address.getSpace());
  if (address.getOffset() % alignment != 0)
    return op->emitOpError()
           << name << " offset " << address.getOffset() << " in "
           << stringifyMemorySpace(address.getSpace()) << " must be "
           << alignment << "-byte aligned";
  return success();
}

//===----------------------------------------------------------------------===//
// Ops
//===----------------------------------------------------------------------===//

static LogicalResult verifyFlag(Operation *op, Pipe src, Pipe dst) {
  if (src == dst)
    return op->emitOpError("source and destination pipe are both '")
           << stringifyPipe(src) << "'; use isa.barrier within one pipe";
  return success();
}

LogicalResult SetFlagOp::verify() {
  return verifyFlag(*this, getSrc(), getDst());
}

LogicalResult WaitFlagOp::verify() {
  return verifyFlag(*this, getSrc(), getDst());
}

LogicalResult CopyOp::verify() {
  MemorySpace src = getSrc().getSpace(), dst = getDst().getSpace();
  std::optional<Pipe> pipe = getCopyPipe(src, dst);
  if (!pipe || (*pipe != Pipe::MTE2 && *pipe != Pipe::MTE3))
    return emitOpError("no burst-copy path from ")
           << stringifyMemorySpace(src) << " to " << stringifyMemorySpace(dst)
           << " (isa.copy moves gm -> l1/ub and ub -> gm/l1)";
  return failure(failed(checkAddress(*this, "dst", getDst())) ||
                 failed(checkAddress(*this, "src", getSrc())));
}

Pipe CopyOp::getPipe() {
  return *getCopyPipe(getSrc().getSpace(), getDst().getSpace());
}

LogicalResult CopyPadOp::verify() {
  MemorySpace src = getSrc().getSpace(), dst = getDst().getSpace();
  bool in = src == MemorySpace::GM && dst == MemorySpace::UB;
  if (!in && !(src == MemorySpace::UB && dst == MemorySpace::GM))
    return emitOpError("moves gm -> ub or ub -> gm, not ")
           << stringifyMemorySpace(src) << " -> " << stringifyMemorySpace(dst);
  if (failed(checkAddress(*this, "dst", getDst())) ||
      failed(checkAddress(*this, "src", getSrc())))
    return failure();
  // The ub side moves whole blocks: its bursts must not overlap.
  int64_t ubStride = in ? getDstStride() : getSrcStride();
  int64_t blocks = (int64_t(getLen()) + 31) / 32 * 32;
  if (ubStride % 32 != 0 || (getNburst() > 1 && ubStride < blocks))
    return emitOpError("ub stride ")
           << ubStride << " must be a multiple of 32 and at least the "
           << blocks << " bytes of one padded burst";
  return success();
}

Pipe CopyPadOp::getPipe() {
  return *getCopyPipe(getSrc().getSpace(), getDst().getSpace());
}

LogicalResult MmadOp::verify() {
  if (failed(checkAddress(*this, "c", getC(), MemorySpace::L0C)) ||
      failed(checkAddress(*this, "a", getA(), MemorySpace::L0A)) ||
      failed(checkAddress(*this, "b", getB(), MemorySpace::L0B)))
    return failure();
  Type dtype = getDtype();
  if (!dtype.isF16() && !dtype.isF32())
    return emitOpError("operand type must be f16 or f32, not ") << dtype;
  return success();
}

static LogicalResult checkFloatType(Operation *op, StringRef name, Type type) {
  if (type.isF16() || type.isF32())
    return success();
  return op->emitOpError() << name << " must be f16 or f32, not " << type;
}

/// Bytes per element of the f16/f32 data an instruction handles.
static uint32_t getElementBytes(Type type) {
  return type.getIntOrFloatBitWidth() / 8;
}

static LogicalResult checkVectorType(Operation *op, StringRef name, Type type,
                                     isa::VectorTypes types) {
  switch (types) {
  case isa::VectorTypes::Float:
    return checkFloatType(op, name, type);
  case isa::VectorTypes::Arith:
    if (type.isF16() || type.isF32() || type.isSignlessInteger(16) ||
        type.isSignlessInteger(32) || type.isInteger(64))
      return success();
    return op->emitOpError()
           << name << " must be f16, f32, i16, i32, i64 or ui64, not " << type;
  case isa::VectorTypes::Bits16:
    if (type.isSignlessInteger(16))
      return success();
    return op->emitOpError() << name << " must be i16, not " << type;
  }
  return failure();
}

LogicalResult ascend::isa::verifyVectorInstruction(
    Operation *op, ArrayRef<NamedAddress> operands, Type dtype, uint32_t mask,
    uint32_t lanes, VectorTypes types, std::optional<APFloat> scalar) {
  for (const NamedAddress &operand : operands)
    if (failed(
            checkAddress(op, operand.name, operand.address, MemorySpace::UB)))
      return failure();
  if (failed(checkVectorType(op, "dtype", dtype, types)))
    return failure();
  if (lanes == 0)
    lanes = 256 / getElementBytes(dtype);
  if (mask < 1 || mask > lanes)
    return op->emitOpError("mask ") << mask << " must be between 1 and "
                                    << lanes << " (lanes of one repeat)";
  if (scalar && dtype.isInteger()) {
    // The immediate goes into a register of the lane type.
    double value = scalar->convertToDouble();
    unsigned bits = dtype.getIntOrFloatBitWidth();
    double lo = dtype.isUnsignedInteger() ? 0 : -std::ldexp(1.0, bits - 1);
    double hi = lo + std::ldexp(1.0, bits);
    if (value != std::trunc(value) || value < lo || value >= hi)
      return op->emitOpError("scalar ")
             << value << " is not an integer that " << dtype << " holds";
  }
  return success();
}

/// The vector checks on dst, src and offsets (2- or 4-byte lanes), and a
/// source range of at least one element.
LogicalResult VGatherOp::verify() {
  if (failed(verifyVectorInstruction(
          *this,
          {{"dst", getDst()}, {"src", getSrc()}, {"offsets", getOffsets()}},
          getDtype(), getMask(), /*lanes=*/0, VectorTypes::Arith)))
    return failure();
  if (getSrcBytes() < getElementBytes(getDtype()))
    return emitOpError("src_bytes ")
           << getSrcBytes() << " holds no " << getDtype() << " element";
  return success();
}

/// The conversions of the Da Vinci vconv: f32 <-> f16, f32 <-> s32,
/// f16 <-> s32, f16 <-> s16, f16 <-> s8/u8, and the 64-bit lanes of newer
/// cores: s64/u64 <-> s32, s64/u64 <-> f32, s64 <-> u64.
static bool isConvertible(Type to, Type from) {
  auto is64 = [](Type t) { return t.isInteger(64); };
  if (is64(to) || is64(from)) {
    Type other = is64(to) ? from : to;
    return other.isF32() || other.isSignlessInteger(32) || is64(other);
  }
  auto is8 = [](Type t) {
    return t.isSignlessInteger(8) || t.isUnsignedInteger(8);
  };
  auto pair = [&](Type a, Type b) {
    return (a == to && b == from) || (a == from && b == to);
  };
  Type f16 = Float16Type::get(to.getContext()),
       f32 = Float32Type::get(to.getContext());
  Type i16 = IntegerType::get(to.getContext(), 16),
       i32 = IntegerType::get(to.getContext(), 32);
  return to == from || pair(f32, f16) || pair(f32, i32) || pair(f16, i32) ||
         pair(f16, i16) || (to.isF16() && is8(from)) ||
         (from.isF16() && is8(to));
}

LogicalResult VConvOp::verify() {
  Type to = getDstType(), from = getSrcType();
  if (!isConvertible(to, from))
    return emitOpError("cannot convert ") << from << " to " << to;
  bool toInteger = llvm::isa<FloatType>(from) && to.isInteger();
  if (toInteger && !getRound())
    return emitOpError("a float to integer conversion needs a round mode");
  if (!toInteger && getRound())
    return emitOpError("a round mode applies to float to integer "
                       "conversions only");
  // One repeat covers 256 bytes of the wider operand.
  // The wider operand sets the lanes (every pair has an f16/f32/i16/i32
  // operand of that width).
  Type wider = getElementBytes(to) >= getElementBytes(from) ? to : from;
  return verifyVectorInstruction(
      *this, {{"dst", getDst()}, {"src", getSrc()}}, wider, getMask(),
      /*lanes=*/256 / getElementBytes(wider), VectorTypes::Arith);
}

LogicalResult VTransposeOp::verify() {
  return failure(
      failed(checkAddress(*this, "dst", getDst(), MemorySpace::UB)) ||
      failed(checkAddress(*this, "src", getSrc(), MemorySpace::UB)));
}

LogicalResult VNchwConvOp::verify() {
  return failure(
      failed(checkAddress(*this, "dst", getDst(), MemorySpace::UB)) ||
      failed(checkAddress(*this, "src", getSrc(), MemorySpace::UB)) ||
      failed(checkFloatType(*this, "dtype", getDtype())));
}

/// The checks load2d and load3d share: l1 to l0a/l0b, aligned, f16/f32.
template <typename LoadOp> static LogicalResult verifyL1ToL0(LoadOp op) {
  MemorySpace dst = op.getDst().getSpace();
  if (dst != MemorySpace::L0A && dst != MemorySpace::L0B)
    return op.emitOpError("dst must be in l0a or l0b, not ")
           << stringifyMemorySpace(dst);
  return failure(
      failed(checkAddress(op, "dst", op.getDst())) ||
      failed(checkAddress(op, "src", op.getSrc(), MemorySpace::L1)) ||
      failed(checkFloatType(op, "dtype", op.getDtype())));
}

LogicalResult Load2dOp::verify() {
  if (failed(verifyL1ToL0(*this)))
    return failure();
  // f16 transposes one 16 x 16 fractal per step, f32 a 16 x 16 matrix of
  // two fractals (written as two 16 x 8 fractals): at most 4095 fractals.
  if (getTranspose() && getDtype().isF32() && getCount() > 2047)
    return emitOpError("an f32 transpose moves two fractals per step; count ")
           << getCount() << " exceeds 2047";
  return success();
}

LogicalResult Load3dOp::verify() {
  if (failed(verifyL1ToL0(*this)))
    return failure();
  if (getKh() < 1 || getKw() < 1 || getStrideH() < 1 || getStrideW() < 1 ||
      getDilH() < 1 || getDilW() < 1)
    return emitOpError("kernel, stride and dilation must be at least 1");
  int64_t windowH = int64_t(getDilH()) * (getKh() - 1) + 1;
  int64_t windowW = int64_t(getDilW()) * (getKw() - 1) + 1;
  if (getH() + getPadT() + getPadB() < windowH ||
      getW() + getPadL() + getPadR() < windowW)
    return emitOpError("kernel window does not fit the padded feature map");
  int64_t columns = int64_t(getC1()) * getKh() * getKw();
  if (getK1Start() + getK1Count() > columns)
    return emitOpError("fractal columns [")
           << getK1Start() << ", " << getK1Start() + getK1Count()
           << ") exceed the " << columns << " of c1 * kh * kw";
  return success();
}

LogicalResult MoveL0CToUBOp::verify() {
  return failure(
      failed(checkAddress(*this, "dst", getDst(), MemorySpace::UB)) ||
      failed(checkAddress(*this, "src", getSrc(), MemorySpace::L0C)) ||
      failed(checkFloatType(*this, "dtype", getDtype())));
}

//===----------------------------------------------------------------------===//
// Plan-level ops
//===----------------------------------------------------------------------===//

static int64_t getTensorBytes(ShapedType type) {
  unsigned bits = type.getElementTypeBitWidth();
  return type.getNumElements() * int64_t(std::max(bits, 8u) / 8);
}

int64_t TensorOp::getSizeInBytes() {
  return getTensorBytes(cast<ShapedType>(getType()));
}

int64_t ConstantOp::getSizeInBytes() {
  return getTensorBytes(getValue().getShapedType());
}

/// Checks one instruction against the preset: addresses inside their buffer,
/// data paths the core has, event ids within the preset's count.
static LogicalResult verifyForMachine(Operation *op,
                                      const MachineModel &machine) {
  for (NamedAttribute attr : op->getAttrs()) {
    auto address = dyn_cast<AddressAttr>(attr.getValue());
    if (!address || address.getSpace() == MemorySpace::GM)
      continue;
    uint64_t size = machine.getBuffer(address.getSpace()).size;
    if (uint64_t(address.getOffset()) >= size)
      return op->emitOpError()
             << attr.getName().getValue() << " offset " << address.getOffset()
             << " is outside " << stringifyMemorySpace(address.getSpace())
             << " (" << size << " bytes on " << machine.name << ")";
  }
  auto checkPath = [&](AddressAttr src, AddressAttr dst) -> LogicalResult {
    const DataPathSpec *path = machine.findPath(src.getSpace(), dst.getSpace());
    if (!path)
      return op->emitOpError("no data path from ")
             << stringifyMemorySpace(src.getSpace()) << " to "
             << stringifyMemorySpace(dst.getSpace()) << " on " << machine.name;
    Pipe pipe = cast<PipeOpInterface>(op).getPipe();
    if (path->pipe != pipe)
      return op->emitOpError("issues on pipe ")
             << stringifyPipe(pipe) << " but " << machine.name << " moves "
             << stringifyMemorySpace(src.getSpace()) << " -> "
             << stringifyMemorySpace(dst.getSpace()) << " on "
             << stringifyPipe(path->pipe);
    return success();
  };
  auto checkEvent = [&](uint32_t event) -> LogicalResult {
    if (event < machine.eventIds)
      return success();
    return op->emitOpError("event id ")
           << event << " exceeds the " << machine.eventIds
           << " event ids per pipe pair of " << machine.name;
  };
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case<CopyOp, CopyPadOp, Load2dOp, Load3dOp, MoveL0CToUBOp>(
          [&](auto op) { return checkPath(op.getSrc(), op.getDst()); })
      .Case<SetFlagOp, WaitFlagOp>(
          [&](auto op) { return checkEvent(op.getEvent()); })
      .Default([](Operation *) { return success(); });
}

LogicalResult PlanOp::verifyRegions() {
  llvm::Expected<MachineModel> machine = MachineModel::getPreset(getTarget());
  if (!machine)
    return emitOpError() << llvm::toString(machine.takeError());
  uint64_t gmCapacity = machine->getBuffer(MemorySpace::GM).size;
  if (getGmSize() > gmCapacity)
    return emitOpError("needs ")
           << getGmSize() << " bytes of global memory but " << machine->name
           << " has " << gmCapacity;

  // Tensors and constants must fit global memory and not overlap.
  struct Range {
    int64_t begin, end;
    Operation *op;
  };
  SmallVector<Range> ranges;
  llvm::StringSet<> names;
  for (Operation &op : getBody().front()) {
    int64_t offset, size;
    if (auto tensor = dyn_cast<TensorOp>(op)) {
      if (!names.insert(tensor.getName()).second)
        return tensor.emitOpError("duplicate tensor name '")
               << tensor.getName() << "'";
      offset = tensor.getOffset();
      // Tensors occupy whole 32-byte slots: copies move 32-byte blocks, so a
      // kernel may touch the padding after a tensor's last element.
      if (offset % 32 != 0)
        return tensor.emitOpError("offset ")
               << offset << " is not 32-byte aligned";
      size = llvm::alignTo(tensor.getSizeInBytes(), 32);
    } else if (auto constant = dyn_cast<ConstantOp>(op)) {
      offset = constant.getOffset();
      size = constant.getSizeInBytes();
    } else if (auto kernel = dyn_cast<KernelOp>(op)) {
      WalkResult walk = kernel.walk([&](Operation *inner) {
        return failed(verifyForMachine(inner, *machine))
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      });
      if (walk.wasInterrupted())
        return failure();
      continue;
    } else {
      return op.emitOpError("cannot appear directly in an isa.plan");
    }
    if (uint64_t(offset + size) > getGmSize())
      return op.emitOpError("bytes [")
             << offset << ", " << offset + size
             << ") exceed the plan's global memory of " << getGmSize()
             << " bytes";
    ranges.push_back({offset, offset + size, &op});
  }
  llvm::sort(ranges,
             [](const Range &a, const Range &b) { return a.begin < b.begin; });
  for (size_t i = 1; i < ranges.size(); ++i)
    if (ranges[i].begin < ranges[i - 1].end)
      return ranges[i].op->emitOpError("overlaps bytes [")
             << ranges[i - 1].begin << ", " << ranges[i - 1].end
             << ") of another tensor or constant";
  return success();
}

#define GET_OP_CLASSES
#include "isa/ISAOps.cpp.inc"
