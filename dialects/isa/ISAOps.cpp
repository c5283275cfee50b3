//===- ISAOps.cpp - Instructions of the isa dialect -----------------------===//

#include "isa/ISAOps.h"

#include "mlir/IR/Builders.h"

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

#define GET_OP_CLASSES
#include "isa/ISAOps.cpp.inc"
