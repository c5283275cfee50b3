//===- Execute.cpp - Semantics and cost of data instructions --------------===//

#include "BlockSimulator.h"
#include "Fp16.h"

#include "llvm/Support/FormatVariadic.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <type_traits>

using namespace ascend;
using namespace ascend::emu;

static constexpr int64_t kFractalBytes = 512;

static std::string rangeString(MemorySpace space, int64_t begin, int64_t end) {
  return llvm::formatv("{0}[{1}, {2})", stringifyMemorySpace(space), begin,
                       end);
}

uint8_t *BlockSimulator::access(const Dispatched &d, uint32_t seq,
                                MemorySpace space, int64_t address,
                                int64_t length, bool isWrite) {
  const Instruction &inst = *d.inst;
  uint64_t size =
      space == MemorySpace::GM ? program.gmSize : machine.getBuffer(space).size;
  if (address < 0 || length < 0 || uint64_t(address) + length > size) {
    fail(llvm::formatv("{0}: {1} {2} is outside the {3}-byte {4}",
                       describe(inst), isWrite ? "writes" : "reads",
                       rangeString(space, address, address + length), size,
                       space == MemorySpace::GM ? "global memory"
                                                : stringifyMemorySpace(space)));
    return nullptr;
  }
  uint32_t alignment = machine.getBuffer(space).alignment;
  if (space != MemorySpace::GM && address % alignment != 0) {
    fail(llvm::formatv("{0}: address {1} in {2} is not {3}-byte aligned",
                       describe(inst), address, stringifyMemorySpace(space),
                       alignment));
    return nullptr;
  }
  if (space == MemorySpace::GM)
    gm.noteAccess(address, address + length, isWrite);
  std::optional<Conflict> conflict = sanitizer.access(
      space, address, address + length, isWrite, inst.pipe, seq, inst.index,
      [&](uint64_t granule) { return gm.isInitialized(granule); });
  if (conflict) {
    int64_t begin = std::max<int64_t>(address, conflict->granule * 32);
    int64_t end = std::min<int64_t>(address + length, begin + 32);
    std::string where = rangeString(space, begin, end);
    switch (conflict->kind) {
    case Conflict::Uninitialized:
      if (!pendingUninitialized)
        pendingUninitialized =
            llvm::formatv("block {0}: {1}: reads {2}, which nothing has "
                          "written",
                          blockIndex, describe(inst), where);
      // Keep going: a later write may reveal the race behind this read.
      return space == MemorySpace::GM
                 ? nullptr
                 : memory[static_cast<size_t>(space)].data() + address;
    case Conflict::Race:
      fail(llvm::formatv(
          "race: {0} on pipe {1} {2} {3}, which {4} on pipe {5} {6} with no "
          "set_flag/wait_flag ordering them",
          describe(inst), stringifyPipe(inst.pipe),
          isWrite ? "writes" : "reads", where,
          kernel.describe(conflict->otherInst),
          stringifyPipe(conflict->otherPipe),
          conflict->otherWasWrite ? "wrote" : "read"));
      break;
    case Conflict::SamePipeHazard:
      fail(llvm::formatv(
          "same-pipe hazard: {0} {1} {2}, which {3} on the same pipe {4} "
          "wrote, with no barrier {4} in between",
          describe(inst), isWrite ? "writes" : "reads", where,
          kernel.describe(conflict->otherInst), stringifyPipe(inst.pipe)));
      break;
    }
    return nullptr;
  }
  if (space == MemorySpace::GM)
    return nullptr; // global memory goes through the overlay, not a pointer
  return memory[static_cast<size_t>(space)].data() + address;
}

BlockSimulator::Cost
BlockSimulator::transferCost(MemorySpace src, MemorySpace dst, uint64_t bytes) {
  const DataPathSpec *path = machine.findPath(src, dst);
  double bandwidth = path ? path->bytesPerCycle : 1;
  // Global memory bandwidth is shared by the cores running the kernel (and,
  // through gmPortFree, by the copy engines of one core).
  if (src == MemorySpace::GM || dst == MemorySpace::GM)
    bandwidth = std::min(bandwidth, machine.hbmBytesPerCycle / activeCores);
  result.bytesMoved[llvm::formatv("{0}->{1}", stringifyMemorySpace(src),
                                  stringifyMemorySpace(dst))
                        .str()] += bytes;
  return {uint64_t(std::ceil(bytes / bandwidth)), path ? path->setupCycles : 0,
          src == MemorySpace::GM || dst == MemorySpace::GM};
}

std::optional<BlockSimulator::Cost> BlockSimulator::execute(const Dispatched &d,
                                                            uint32_t seq) {
  switch (d.inst->opcode) {
  case Opcode::Copy:
    return executeCopy(d, seq);
  case Opcode::CopyPad:
    return executeCopyPad(d, seq);
  case Opcode::VBrcb:
    return executeBrcb(d, seq);
  case Opcode::Load2d:
    return executeLoad2d(d, seq);
  case Opcode::Load3d:
    return executeLoad3d(d, seq);
  case Opcode::L0CToUB:
    return executeL0CToUB(d, seq);
  case Opcode::Mmad:
    return executeMmad(d, seq);
  case Opcode::VTranspose:
    return executeTranspose(d, seq);
  case Opcode::VNchwConv:
    return executeNchwConv(d, seq);
  case Opcode::VGather:
    return executeGather(d, seq);
  case Opcode::VBinary:
  case Opcode::VCmp:
  case Opcode::VSel:
  case Opcode::VScalar:
  case Opcode::VUnary:
  case Opcode::VConv:
  case Opcode::VDup:
  case Opcode::VReduce:
    return executeVector(d, seq);
  default:
    fail(describe(*d.inst) + ": cannot run on pipe " +
         stringifyPipe(d.inst->pipe).str());
    return std::nullopt;
  }
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

std::optional<BlockSimulator::Cost>
BlockSimulator::executeCopy(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  MemorySpace dstSpace = inst.addr[0].space, srcSpace = inst.addr[1].space;
  int64_t nburst = inst.imm[0], len = inst.imm[1] * 32;
  int64_t srcStep = (inst.imm[1] + inst.imm[2]) * 32;
  int64_t dstStep = (inst.imm[1] + inst.imm[3]) * 32;
  std::vector<uint8_t> burst(len);
  for (int64_t i = 0; i < nburst; ++i) {
    int64_t src = d.addr[1] + i * srcStep, dst = d.addr[0] + i * dstStep;
    uint8_t *from = access(d, seq, srcSpace, src, len, false);
    if (result.error)
      return std::nullopt;
    if (srcSpace == MemorySpace::GM)
      gm.read(src, len, burst.data());
    else
      std::memcpy(burst.data(), from, len);
    uint8_t *to = access(d, seq, dstSpace, dst, len, true);
    if (result.error)
      return std::nullopt;
    if (dstSpace == MemorySpace::GM)
      gm.write(dst, len, burst.data());
    else
      std::memcpy(to, burst.data(), len);
  }
  return transferCost(srcSpace, dstSpace, nburst * len);
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeCopyPad(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  MemorySpace dstSpace = inst.addr[0].space, srcSpace = inst.addr[1].space;
  int64_t nburst = inst.imm[0], len = inst.imm[1];
  int64_t padded = (len + 31) / 32 * 32;
  // The ub side moves whole blocks; gm -> ub zeroes the bytes past `len`.
  bool in = srcSpace == MemorySpace::GM;
  std::vector<uint8_t> burst(padded, 0);
  for (int64_t i = 0; i < nburst; ++i) {
    int64_t src = d.addr[1] + i * inst.imm[2],
            dst = d.addr[0] + i * inst.imm[3];
    uint8_t *from = access(d, seq, srcSpace, src, len, false);
    if (result.error)
      return std::nullopt;
    if (in)
      gm.read(src, len, burst.data());
    else
      std::memcpy(burst.data(), from, len);
    uint8_t *to = access(d, seq, dstSpace, dst, in ? padded : len, true);
    if (result.error)
      return std::nullopt;
    if (in)
      std::memcpy(to, burst.data(), padded);
    else
      gm.write(dst, len, burst.data());
  }
  return transferCost(srcSpace, dstSpace, nburst * padded);
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeLoad2d(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  int64_t count = inst.imm[0], stride = inst.imm[1] * kFractalBytes;
  // An f32 transpose moves a 16 x 16 f32 matrix (two fractals) per step and
  // writes its transpose as two 16 x 8 fractals: rows 0-7 of the source
  // become the first, rows 8-15 the second.
  bool pairs = inst.flag && inst.dtype == DType::F32;
  int64_t step = pairs ? 2 * kFractalBytes : kFractalBytes;
  uint8_t in[2 * kFractalBytes], out[2 * kFractalBytes];
  for (int64_t i = 0; i < count; ++i) {
    const uint8_t *from =
        access(d, seq, MemorySpace::L1, d.addr[1] + i * stride, step, false);
    if (!from)
      return std::nullopt;
    std::memcpy(in, from, step);
    if (pairs) {
      for (int r = 0; r < 16; ++r)
        for (int c = 0; c < 16; ++c)
          std::memcpy(out + ((r / 8) * 128 + c * 8 + r % 8) * 4,
                      in + (r * 16 + c) * 4, 4);
    } else if (inst.flag) { // 16 x 16 f16 transpose
      for (int r = 0; r < 16; ++r)
        for (int c = 0; c < 16; ++c)
          std::memcpy(out + (c * 16 + r) * 2, in + (r * 16 + c) * 2, 2);
    } else {
      std::memcpy(out, in, step);
    }
    uint8_t *to =
        access(d, seq, inst.addr[0].space, d.addr[0] + i * step, step, true);
    if (!to)
      return std::nullopt;
    std::memcpy(to, out, step);
  }
  return transferCost(MemorySpace::L1, inst.addr[0].space, count * step);
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeLoad3d(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  const int64_t *f = inst.imm;
  int64_t h = f[0], w = f[1], kh = f[3], kw = f[4], sh = f[5], sw = f[6],
          pt = f[7], pb = f[8], pl = f[9], pr = f[10], dh = f[11], dw = f[12],
          mStart = f[13], m1Count = f[14], k1Start = f[15], k1Count = f[16];
  int64_t elem = byteSize(inst.dtype), c0 = 32 / elem;
  int64_t oh = (h + pt + pb - dh * (kh - 1) - 1) / sh + 1;
  int64_t ow = (w + pl + pr - dw * (kw - 1) - 1) / sw + 1;
  int64_t outBytes = m1Count * k1Count * kFractalBytes;
  std::vector<uint8_t> out(outBytes, 0);
  for (int64_t a = 0; a < m1Count; ++a)
    for (int64_t b = 0; b < k1Count; ++b) {
      int64_t k1 = k1Start + b;
      int64_t c1i = k1 / (kh * kw), i = k1 % (kh * kw) / kw, j = k1 % kw;
      for (int64_t r = 0; r < 16; ++r) {
        int64_t m = mStart + a * 16 + r;
        if (m >= oh * ow)
          continue;
        int64_t y = m / ow * sh - pt + i * dh, x = m % ow * sw - pl + j * dw;
        if (y < 0 || y >= h || x < 0 || x >= w)
          continue;
        int64_t src = d.addr[1] + ((c1i * h + y) * w + x) * 32;
        const uint8_t *from = access(d, seq, MemorySpace::L1, src, 32, false);
        if (!from)
          return std::nullopt;
        std::memcpy(out.data() + (a * k1Count + b) * kFractalBytes +
                        r * c0 * elem,
                    from, 32);
      }
    }
  uint8_t *to = access(d, seq, inst.addr[0].space, d.addr[0], outBytes, true);
  if (!to)
    return std::nullopt;
  std::memcpy(to, out.data(), outBytes);
  return transferCost(MemorySpace::L1, inst.addr[0].space, outBytes);
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeL0CToUB(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  int64_t elements = inst.imm[0] * 256;
  const uint8_t *from =
      access(d, seq, MemorySpace::L0C, d.addr[1], elements * 4, false);
  if (!from)
    return std::nullopt;
  std::vector<float> values(elements);
  std::memcpy(values.data(), from, elements * 4);
  uint8_t *to = access(d, seq, MemorySpace::UB, d.addr[0],
                       elements * byteSize(inst.dtype), true);
  if (!to)
    return std::nullopt;
  for (int64_t i = 0; i < elements; ++i) {
    float v = values[i];
    if (inst.flag && v < 0)
      v = 0;
    storeElement(to + i * byteSize(inst.dtype), inst.dtype, v);
  }
  return transferCost(MemorySpace::L0C, MemorySpace::UB, elements * 4);
}

//===----------------------------------------------------------------------===//
// Cube
//===----------------------------------------------------------------------===//

std::optional<BlockSimulator::Cost>
BlockSimulator::executeMmad(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  int64_t m = inst.imm[0], k = inst.imm[1], n = inst.imm[2];
  int64_t elem = byteSize(inst.dtype), k0 = 32 / elem;
  int64_t m1 = (m + 15) / 16, k1 = (k + k0 - 1) / k0, n1 = (n + 15) / 16;
  const uint8_t *a = access(d, seq, MemorySpace::L0A, d.addr[1],
                            m1 * k1 * kFractalBytes, false);
  const uint8_t *b = a ? access(d, seq, MemorySpace::L0B, d.addr[2],
                                k1 * n1 * kFractalBytes, false)
                       : nullptr;
  if (!b)
    return std::nullopt;
  int64_t cBytes = m1 * n1 * 1024;
  if (!inst.flag && !access(d, seq, MemorySpace::L0C, d.addr[0], cBytes, false))
    return std::nullopt;
  uint8_t *c = access(d, seq, MemorySpace::L0C, d.addr[0], cBytes, true);
  if (!c)
    return std::nullopt;

  // A is ZZ: fractal (mi/16, ki/k0) row-major inside. B is ZN: fractal
  // (ki/k0, ni/16) stored [n0][k0]. C is NZ: fractal (ni/16, mi/16) [m0][n0].
  Eigen::MatrixXf lhs(m, k), rhs(k, n);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < k; ++j)
      lhs(i, j) = loadElement(a + ((i / 16) * k1 + j / k0) * kFractalBytes +
                                  ((i % 16) * k0 + j % k0) * elem,
                              inst.dtype);
  for (int64_t i = 0; i < k; ++i)
    for (int64_t j = 0; j < n; ++j)
      rhs(i, j) = loadElement(b + ((i / k0) * n1 + j / 16) * kFractalBytes +
                                  ((j % 16) * k0 + i % k0) * elem,
                              inst.dtype);
  Eigen::MatrixXf product = lhs * rhs;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      uint8_t *p =
          c + ((j / 16) * m1 + i / 16) * 1024 + ((i % 16) * 16 + j % 16) * 4;
      float acc = inst.flag ? 0.0f : loadElement(p, DType::F32);
      storeElement(p, DType::F32, acc + product(i, j));
    }
  result.flops += 2 * m * k * n;
  result.cubeFlops += 2 * m * k * n;
  uint32_t perFractal = inst.dtype == DType::F16
                            ? machine.cube.f16CyclesPerFractal
                            : machine.cube.f32CyclesPerFractal;
  return Cost{uint64_t(m1 * k1 * n1 * perFractal), machine.cube.latency};
}

//===----------------------------------------------------------------------===//
// Vector
//===----------------------------------------------------------------------===//

namespace {
/// Where lane `e` of repeat `r` of one operand lives.
struct VectorOperand {
  MemorySpace space;
  int64_t base;
  int64_t blockStride, repeatStride;
  DType type;

  int64_t elementsPerBlock() const { return 32 / byteSize(type); }
  int64_t address(int64_t r, int64_t e) const {
    int64_t epb = elementsPerBlock();
    return base + (r * repeatStride + e / epb * blockStride) * 32 +
           e % epb * byteSize(type);
  }
};
} // namespace

static float applyUnary(VecFn fn, float x) {
  switch (fn) {
  case VecFn::Exp:
    return std::exp(x);
  case VecFn::Ln:
    return std::log(x);
  case VecFn::Abs:
    return std::fabs(x);
  case VecFn::Relu:
    return x > 0 ? x : 0.0f;
  case VecFn::Sqrt:
    return std::sqrt(x);
  case VecFn::Rec:
    return 1.0f / x;
  case VecFn::Rsqrt:
    return 1.0f / std::sqrt(x);
  default:
    return x;
  }
}

/// `op(x, y)`; integers wrap modulo 2^64 (signed overflow is undefined in
/// C++), and the store wraps them to the lane width.
template <typename T, typename Op> static T wrapping(T x, T y, Op op) {
  if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    return T(op(U(x), U(y)));
  } else {
    return op(x, y);
  }
}

/// The binary functions and comparisons (1 / 0) on float lanes or integer
/// lanes (int64_t, or uint64_t for u64 lanes: unsigned order); Div is float
/// only, And and Or integer only (verifiers).
template <typename T> static T applyBinary(VecFn fn, T x, T y) {
  switch (fn) {
  case VecFn::Add:
    return wrapping(x, y, std::plus<>());
  case VecFn::Sub:
    return wrapping(x, y, std::minus<>());
  case VecFn::Mul:
    return wrapping(x, y, std::multiplies<>());
  case VecFn::Div:
    if constexpr (std::is_floating_point_v<T>)
      return x / y;
    break;
  case VecFn::Max:
    return std::max(x, y);
  case VecFn::Min:
    return std::min(x, y);
  case VecFn::And:
    if constexpr (std::is_integral_v<T>)
      return x & y;
    break;
  case VecFn::Or:
    if constexpr (std::is_integral_v<T>)
      return x | y;
    break;
  case VecFn::CmpLT:
    return x < y;
  case VecFn::CmpLE:
    return x <= y;
  case VecFn::CmpGT:
    return x > y;
  case VecFn::CmpGE:
    return x >= y;
  case VecFn::CmpEQ:
    return x == y;
  case VecFn::CmpNE:
    return x != y;
  default:
    break;
  }
  return x;
}

/// Loads lanes [0, mask) of repeat `r` of `op` as floats.
static void gatherLanes(const uint8_t *ub, const VectorOperand &op, int64_t r,
                        int64_t mask, float *lanes) {
  int64_t epb = op.elementsPerBlock(), size = byteSize(op.type);
  for (int64_t e = 0; e < mask; e += epb) {
    const uint8_t *block = ub + op.address(r, e);
    int64_t n = std::min(epb, mask - e);
    for (int64_t i = 0; i < n; ++i)
      lanes[e + i] = loadElement(block + i * size, op.type);
  }
}

/// Stores lanes [0, mask) of repeat `r` of `op`, rounding to its type.
static void scatterLanes(uint8_t *ub, const VectorOperand &op, int64_t r,
                         int64_t mask, const float *lanes) {
  int64_t epb = op.elementsPerBlock(), size = byteSize(op.type);
  for (int64_t e = 0; e < mask; e += epb) {
    uint8_t *block = ub + op.address(r, e);
    int64_t n = std::min(epb, mask - e);
    for (int64_t i = 0; i < n; ++i)
      storeElement(block + i * size, op.type, lanes[e + i]);
  }
}

/// The switch on the function stays out of the per-lane loop.
template <typename Fn> static void forLanes(int64_t mask, float *out, Fn fn) {
  for (int64_t e = 0; e < mask; ++e)
    out[e] = fn(e);
}

static void applyBinaryLanes(VecFn fn, const float *x, const float *y,
                             int64_t mask, float *out) {
  switch (fn) {
  case VecFn::Add:
    return forLanes(mask, out, [&](int64_t e) { return x[e] + y[e]; });
  case VecFn::Sub:
    return forLanes(mask, out, [&](int64_t e) { return x[e] - y[e]; });
  case VecFn::Mul:
    return forLanes(mask, out, [&](int64_t e) { return x[e] * y[e]; });
  default:
    return forLanes(mask, out,
                    [&](int64_t e) { return applyBinary(fn, x[e], y[e]); });
  }
}

static void applyUnaryLanes(VecFn fn, const float *x, int64_t mask,
                            float *out) {
  forLanes(mask, out, [&](int64_t e) { return applyUnary(fn, x[e]); });
}

//===- Integer lanes and conversions ----------------------------------===//
//
// Integer lanes compute in 64 bits and wrap to the lane width on store (two's
// complement), as the vector unit's integer ALUs do. u64 lanes hold their
// bits in an int64_t and compute as uint64_t (unsigned order).

static int64_t loadInteger(const uint8_t *p, DType type) {
  switch (type) {
  case DType::S8:
    return int8_t(*p);
  case DType::U8:
    return *p;
  case DType::S16: {
    int16_t v;
    std::memcpy(&v, p, 2);
    return v;
  }
  case DType::S64:
  case DType::U64: {
    int64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  default: {
    int32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  }
}

static void storeInteger(uint8_t *p, DType type, int64_t value) {
  // Little-endian: the low bytes are the wrapped value.
  std::memcpy(p, &value, byteSize(type));
}

static bool isUnsigned(DType type) {
  return type == DType::U8 || type == DType::U64;
}

/// Rounds `value` by `mode` and saturates it to the range of `type`; NaN
/// becomes 0. Returns the bits of the result (u64 as int64_t).
static int64_t toInteger(double value, DType type, RoundMode mode) {
  if (std::isnan(value))
    return 0;
  switch (mode) {
  case RoundMode::Rint:
    value = std::nearbyint(value); // the default mode: to nearest even
    break;
  case RoundMode::Floor:
    value = std::floor(value);
    break;
  case RoundMode::Ceil:
    value = std::ceil(value);
    break;
  case RoundMode::Trunc:
    value = std::trunc(value);
    break;
  case RoundMode::Round:
    value = std::round(value); // half away from zero
    break;
  }
  int bits = 8 * byteSize(type);
  double lo = isUnsigned(type) ? 0 : -std::ldexp(1.0, bits - 1);
  double end = lo + std::ldexp(1.0, bits); // one past the largest value
  if (bits < 64)
    return int64_t(std::clamp(value, lo, end - 1));
  // 2^63 - 1 and 2^64 - 1 are no doubles: saturate before converting.
  if (value >= end)
    return isUnsigned(type) ? -1 : std::numeric_limits<int64_t>::max();
  value = std::max(value, lo);
  return isUnsigned(type) ? int64_t(uint64_t(value)) : int64_t(value);
}

/// One lane of an integer instruction over `in` (the sources), in T.
template <typename T>
static T integerLane(const Instruction &inst, const T *in, T scalar) {
  switch (inst.opcode) {
  case Opcode::VSel:
    return in[0] != 0 ? in[1] : in[2];
  case Opcode::VScalar:
    return applyBinary(inst.fn, in[0], scalar);
  case Opcode::VUnary: // vabs (|-2^(w-1)| wraps) or vnot
    if (inst.fn != VecFn::Abs)
      return ~in[0];
    if constexpr (std::is_signed_v<T>)
      return in[0] < 0 ? wrapping(T(0), in[0], std::minus<>()) : in[0];
    return in[0];
  case Opcode::VDup:
    return scalar;
  default: // VBinary, VCmp
    return applyBinary(inst.fn, in[0], in[1]);
  }
}

/// One repeat of an integer instruction: every active source lane is read
/// before any destination lane is written, as for floats.
static void executeIntegerRepeat(uint8_t *ub, const Instruction &inst,
                                 const VectorOperand *ops, unsigned sources,
                                 int64_t r, int64_t mask) {
  bool isU64 = inst.dtype == DType::U64;
  // Verified: an integer below 2^63, or below 2^64 for u64 lanes.
  uint64_t scalar = inst.scalar >= 0x1p63 ? uint64_t(inst.scalar)
                                          : uint64_t(int64_t(inst.scalar));
  int64_t in[128][3], out[128];
  for (unsigned i = 1; i <= sources; ++i)
    for (int64_t e = 0; e < mask; ++e)
      in[e][i - 1] = loadInteger(ub + ops[i].address(r, e), ops[i].type);
  for (int64_t e = 0; e < mask; ++e) {
    if (isU64) {
      uint64_t lanes[3] = {uint64_t(in[e][0]), uint64_t(in[e][1]),
                           uint64_t(in[e][2])};
      out[e] = int64_t(integerLane<uint64_t>(inst, lanes, scalar));
    } else {
      out[e] = integerLane<int64_t>(inst, in[e], int64_t(scalar));
    }
  }
  for (int64_t e = 0; e < mask; ++e)
    storeInteger(ub + ops[0].address(r, e), ops[0].type, out[e]);
}

/// One repeat of vconv (up to 128 lanes). Integers convert from their bits,
/// floats through double (which holds every f16/f32 exactly), so each
/// conversion rounds once.
static void executeConvertRepeat(uint8_t *ub, const Instruction &inst,
                                 const VectorOperand *ops, int64_t r,
                                 int64_t mask) {
  DType from = ops[1].type, to = ops[0].type;
  int64_t ints[128];
  double floats[128];
  for (int64_t e = 0; e < mask; ++e) {
    const uint8_t *p = ub + ops[1].address(r, e);
    if (isInteger(from))
      ints[e] = loadInteger(p, from);
    else
      floats[e] = loadElement(p, from);
  }
  for (int64_t e = 0; e < mask; ++e) {
    uint8_t *p = ub + ops[0].address(r, e);
    if (isInteger(to))
      storeInteger(p, to,
                   isInteger(from) ? ints[e]
                                   : toInteger(floats[e], to, inst.round));
    else if (!isInteger(from))
      storeElement(p, to, float(floats[e]));
    else if (from == DType::U64)
      storeElement(p, to, float(uint64_t(ints[e])));
    else // to nearest even; s32 -> f16 through f32 as before
      storeElement(p, to, float(ints[e]));
  }
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeVector(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  int64_t repeat = inst.imm[0], mask = inst.imm[1];
  unsigned sources;
  switch (inst.opcode) {
  case Opcode::VBinary:
  case Opcode::VCmp:
    sources = 2;
    break;
  case Opcode::VSel:
    sources = 3;
    break;
  case Opcode::VDup:
    sources = 0;
    break;
  default:
    sources = 1;
  }
  VectorOperand ops[4];
  for (unsigned i = 0; i <= sources; ++i)
    ops[i] = {inst.addr[i].space, d.addr[i], inst.imm[2 + i], inst.imm[6 + i],
              inst.opcode == Opcode::VConv && i == 1 ? inst.dtype2
                                                     : inst.dtype};
  bool reduce = inst.opcode == Opcode::VReduce;

  // Check and record every 32-byte block the instruction touches: sources
  // first, so an in-place update reads before it writes.
  for (unsigned i = 1; i <= sources; ++i) {
    int64_t blocks =
        (mask + ops[i].elementsPerBlock() - 1) / ops[i].elementsPerBlock();
    for (int64_t r = 0; r < repeat; ++r)
      for (int64_t j = 0; j < blocks; ++j)
        if (!access(d, seq, ops[i].space,
                    ops[i].address(r, 0) + j * ops[i].blockStride * 32, 32,
                    false))
          return std::nullopt;
  }
  int64_t elem = byteSize(inst.dtype);
  if (reduce) {
    if (!access(d, seq, ops[0].space, d.addr[0], repeat * elem, true))
      return std::nullopt;
  } else {
    int64_t blocks =
        (mask + ops[0].elementsPerBlock() - 1) / ops[0].elementsPerBlock();
    for (int64_t r = 0; r < repeat; ++r)
      for (int64_t j = 0; j < blocks; ++j)
        if (!access(d, seq, ops[0].space,
                    ops[0].address(r, 0) + j * ops[0].blockStride * 32, 32,
                    true))
          return std::nullopt;
  }

  uint8_t *ub = memory[static_cast<size_t>(MemorySpace::UB)].data();
  // Scalars are rounded to the operand type first, as the hardware holds
  // them in a register of that type.
  float scalar = inst.dtype == DType::F16
                     ? halfToFloat(floatToHalf(float(inst.scalar)))
                     : float(inst.scalar);
  // One repeat at a time: gather the active lanes of each source into float
  // arrays, compute, scatter the result.
  float in[3][128], out[128];
  for (int64_t r = 0; r < repeat; ++r) {
    if (inst.opcode == Opcode::VConv) {
      executeConvertRepeat(ub, inst, ops, r, mask);
      continue;
    }
    if (isInteger(inst.dtype)) {
      executeIntegerRepeat(ub, inst, ops, sources, r, mask);
      continue;
    }
    for (unsigned i = 1; i <= sources; ++i)
      gatherLanes(ub, ops[i], r, mask, in[i - 1]);
    switch (inst.opcode) {
    case Opcode::VReduce: {
      float acc = in[0][0];
      for (int64_t e = 1; e < mask; ++e)
        acc = applyBinary(inst.fn, acc, in[0][e]);
      storeElement(ub + d.addr[0] + r * elem, inst.dtype, acc);
      continue;
    }
    case Opcode::VBinary:
    case Opcode::VCmp:
      applyBinaryLanes(inst.fn, in[0], in[1], mask, out);
      break;
    case Opcode::VSel:
      for (int64_t e = 0; e < mask; ++e)
        out[e] = in[0][e] != 0 ? in[1][e] : in[2][e];
      break;
    case Opcode::VScalar:
      std::fill_n(in[1], mask, scalar);
      applyBinaryLanes(inst.fn, in[0], in[1], mask, out);
      break;
    case Opcode::VUnary:
      applyUnaryLanes(inst.fn, in[0], mask, out);
      break;
    default: // VDup
      std::fill_n(out, mask, scalar);
    }
    scatterLanes(ub, ops[0], r, mask, out);
  }
  result.flops += repeat * mask;
  result.vectorRepeats += repeat;
  llvm::StringRef name = llvm::StringRef(kernel.opNames[inst.index]);
  name.consume_front("isa.");
  uint64_t perRepeat = machine.vector.slowOps.contains(name)
                           ? machine.vector.slowRepeatCycles
                           : machine.vector.repeatCycles;
  return Cost{uint64_t(repeat) * perRepeat, machine.vector.latency};
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeBrcb(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  int64_t repeat = inst.imm[0], dstBlk = inst.imm[2], dstRep = inst.imm[6];
  int64_t elem = byteSize(inst.dtype), epb = 32 / elem;
  // All sources are read before any block is written (dst may overlap src).
  const uint8_t *from =
      access(d, seq, MemorySpace::UB, d.addr[1], repeat * 8 * elem, false);
  if (!from)
    return std::nullopt;
  std::vector<uint8_t> values(from, from + repeat * 8 * elem);
  uint8_t *ub = memory[static_cast<size_t>(MemorySpace::UB)].data();
  for (int64_t r = 0; r < repeat; ++r)
    for (int64_t j = 0; j < 8; ++j) {
      int64_t block = d.addr[0] + (r * dstRep + j * dstBlk) * 32;
      if (!access(d, seq, MemorySpace::UB, block, 32, true))
        return std::nullopt;
      for (int64_t e = 0; e < epb; ++e)
        std::memcpy(ub + block + e * elem, values.data() + (r * 8 + j) * elem,
                    elem);
    }
  result.vectorRepeats += repeat;
  return Cost{uint64_t(repeat) * machine.vector.repeatCycles,
              machine.vector.latency};
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeTranspose(const Dispatched &d, uint32_t seq) {
  const uint8_t *from =
      access(d, seq, MemorySpace::UB, d.addr[1], kFractalBytes, false);
  if (!from)
    return std::nullopt;
  uint8_t tmp[kFractalBytes];
  for (int r = 0; r < 16; ++r)
    for (int c = 0; c < 16; ++c)
      std::memcpy(tmp + (c * 16 + r) * 2, from + (r * 16 + c) * 2, 2);
  uint8_t *to = access(d, seq, MemorySpace::UB, d.addr[0], kFractalBytes, true);
  if (!to)
    return std::nullopt;
  std::memcpy(to, tmp, kFractalBytes);
  return Cost{2 * machine.vector.repeatCycles, machine.vector.latency};
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeNchwConv(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  int64_t es = byteSize(inst.dtype), k = 32 / es;
  int64_t repeat = inst.imm[0];
  uint8_t rows[16 * 32], out[16 * 32];
  for (int64_t r = 0; r < repeat; ++r) {
    // Every source row of the repeat is read before any destination row is
    // written, so the transpose may work in place.
    for (int64_t i = 0; i < k; ++i) {
      int64_t src = d.addr[1] + (r * inst.imm[7] + i * inst.imm[3]) * 32;
      const uint8_t *from = access(d, seq, MemorySpace::UB, src, 32, false);
      if (!from)
        return std::nullopt;
      std::memcpy(rows + i * 32, from, 32);
    }
    for (int64_t j = 0; j < k; ++j)
      for (int64_t i = 0; i < k; ++i)
        std::memcpy(out + j * 32 + i * es, rows + i * 32 + j * es, es);
    for (int64_t j = 0; j < k; ++j) {
      int64_t dst = d.addr[0] + (r * inst.imm[6] + j * inst.imm[2]) * 32;
      uint8_t *to = access(d, seq, MemorySpace::UB, dst, 32, true);
      if (!to)
        return std::nullopt;
      std::memcpy(to, out + j * 32, 32);
    }
  }
  // One repeat moves k blocks through the 256-byte-per-cycle vector unit.
  uint64_t units = (k * 32 + 255) / 256;
  result.vectorRepeats += repeat * units;
  uint64_t perRepeat = units * machine.vector.repeatCycles;
  return Cost{uint64_t(repeat) * perRepeat, machine.vector.latency};
}

std::optional<BlockSimulator::Cost>
BlockSimulator::executeGather(const Dispatched &d, uint32_t seq) {
  const Instruction &inst = *d.inst;
  int64_t repeat = inst.imm[0], mask = inst.imm[1], srcBytes = inst.imm[3];
  int64_t dstRep = inst.imm[6], elem = byteSize(inst.dtype), lanes = 256 / elem;
  // Any lane may read any element of the declared source range, so the
  // whole range counts as read.
  const uint8_t *source =
      access(d, seq, MemorySpace::UB, d.addr[1], srcBytes, false);
  if (!source)
    return std::nullopt;
  // Lanes read the source as it was before the instruction: keep a copy
  // when the destination overlaps it.
  int64_t dstEnd = d.addr[0] + (repeat - 1) * dstRep * 32 + mask * elem;
  std::vector<uint8_t> before;
  if (d.addr[0] < d.addr[1] + srcBytes && d.addr[1] < dstEnd) {
    before.assign(source, source + srcBytes);
    source = before.data();
  }
  for (int64_t r = 0; r < repeat; ++r) {
    const uint8_t *offsets = access(d, seq, MemorySpace::UB,
                                    d.addr[2] + r * lanes * 4, mask * 4, false);
    if (!offsets)
      return std::nullopt;
    uint8_t out[256];
    for (int64_t e = 0; e < mask; ++e) {
      uint32_t offset;
      std::memcpy(&offset, offsets + e * 4, 4);
      if (offset % elem != 0 || int64_t(offset) + elem > srcBytes) {
        fail(llvm::formatv(
            "{0}: lane {1} of repeat {2} reads byte offset {3}, outside the "
            "{4}-byte source {5} or not a multiple of {6}",
            describe(inst), e, r, offset, srcBytes,
            rangeString(MemorySpace::UB, d.addr[1], d.addr[1] + srcBytes),
            elem));
        return std::nullopt;
      }
      std::memcpy(out + e * elem, source + offset, elem);
    }
    uint8_t *to = access(d, seq, MemorySpace::UB, d.addr[0] + r * dstRep * 32,
                         mask * elem, true);
    if (!to)
      return std::nullopt;
    std::memcpy(to, out, mask * elem);
  }
  // Each lane is a separate ub read: the unit serves
  // vector.gather_lanes_per_cycle of them per cycle.
  result.vectorRepeats += repeat;
  uint64_t cycles = (repeat * mask + machine.vector.gatherLanesPerCycle - 1) /
                    machine.vector.gatherLanesPerCycle;
  return Cost{cycles, machine.vector.latency};
}
