//===- Program.h - Decoded kernel programs ----------------------*- C++ -*-===//
//
// The emulator does not interpret MLIR ops directly: attribute lookups are far
// too slow for the inner loop. A plan is decoded once into flat arrays of
// compact instructions, keeping each op's location for diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_EMULATOR_PROGRAM_H
#define ASCEND_LIB_EMULATOR_PROGRAM_H

#include "ascend/Emulator/Emulator.h"
#include "ascend/Machine/MachineModel.h"

#include <string>
#include <vector>

namespace ascend::emu {

enum class Opcode : uint8_t {
  // Scalar unit.
  Li,
  SAdd,
  SSub,
  SMul,
  SDiv,
  SMin,
  SMax,
  SAddI,
  SMulI,
  GetBlockIdx,
  GetBlockNum,
  Loop,
  // Sync.
  SetFlag,
  WaitFlag,
  Barrier,
  // Data movement.
  Copy,
  CopyPad,
  Load2d,
  Load3d,
  L0CToUB,
  // Cube.
  Mmad,
  // Vector.
  VBinary,
  VCmp,
  VSel,
  VScalar,
  VUnary,
  VConv,
  VDup,
  VReduce,
  VBrcb,
  VTranspose,
  VNchwConv,
  VGather,
};

/// Operation of a vector instruction family (VBinary, VScalar, VUnary,
/// VReduce, VCmp).
enum class VecFn : uint8_t {
  Add,
  Sub,
  Mul,
  Div,
  Max,
  Min,
  Exp,
  Ln,
  Abs,
  Relu,
  Sqrt,
  Rec,
  Rsqrt,
  CmpLT,
  CmpLE,
  CmpGT,
  CmpGE,
  CmpEQ,
  CmpNE,
  And,
  Or,
  Not,
};

/// Lane types: floats, and the signed/unsigned integers of the vector unit.
enum class DType : uint8_t { F16, F32, S8, U8, S16, S32, S64, U64 };

inline uint32_t byteSize(DType t) {
  switch (t) {
  case DType::S8:
  case DType::U8:
    return 1;
  case DType::F16:
  case DType::S16:
    return 2;
  case DType::S64:
  case DType::U64:
    return 8;
  default:
    return 4;
  }
}

inline bool isInteger(DType t) { return t != DType::F16 && t != DType::F32; }

/// `space[r<base> + offset]`.
struct Address {
  MemorySpace space = MemorySpace::GM;
  uint8_t base = 0;
  int64_t offset = 0;
};

struct Instruction {
  Opcode opcode;
  VecFn fn = VecFn::Add;
  Pipe pipe = Pipe::S;
  DType dtype = DType::F32;
  /// vconv's source type.
  DType dtype2 = DType::F32;
  /// vconv's rounding of float -> integer.
  RoundMode round = RoundMode::Rint;
  bool flag = false; // mmad init, load2d transpose, l0c_to_ub relu
  /// Memory operands: dst first, then sources.
  Address addr[4];
  /// Integer fields; meaning per opcode (see Program.cpp).
  int64_t imm[20] = {};
  double scalar = 0;
  /// Loop: index one past the body's last instruction.
  uint32_t bodyEnd = 0;
  /// Index into Kernel::names / Kernel::locations.
  uint32_t index = 0;
};

struct Kernel {
  std::string name;
  uint32_t blockDim = 1;
  /// Pre-order: a loop is followed by its body.
  std::vector<Instruction> program;
  std::vector<std::string> opNames;
  std::vector<std::string> locations;

  /// "kernel 'k' instruction #i (isa.vadd) at loc".
  std::string describe(uint32_t index) const;
};

struct PlanTensor {
  std::string name;
  bool isInput;
  std::string dtype;
  std::vector<int64_t> shape;
  uint64_t offset;
  uint64_t size;
};

struct PlanConstant {
  uint64_t offset;
  std::vector<uint8_t> bytes;
};

struct Program {
  MachineModel machine;
  uint64_t gmSize = 0;
  std::vector<PlanTensor> tensors;
  std::vector<PlanConstant> constants;
  std::vector<Kernel> kernels;
};

/// Decodes a verified plan.
llvm::Expected<Program> decodePlan(isa::PlanOp plan);

} // namespace ascend::emu

#endif // ASCEND_LIB_EMULATOR_PROGRAM_H
