//===- Program.cpp - Decode an isa.plan into flat programs ----------------===//

#include "Program.h"

#include "isa/ISAOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace ascend;
using namespace ascend::emu;

std::string Kernel::describe(uint32_t index) const {
  return llvm::formatv("kernel '{0}' instruction #{1} ({2}) at {3}", name,
                       index, opNames[index], locations[index]);
}

static DType toDType(Type type) {
  if (type.isF16())
    return DType::F16;
  if (type.isUnsignedInteger(8))
    return DType::U8;
  if (type.isInteger(8))
    return DType::S8;
  if (type.isInteger(16))
    return DType::S16;
  if (type.isInteger(32))
    return DType::S32;
  if (type.isUnsignedInteger(64))
    return DType::U64;
  if (type.isInteger(64))
    return DType::S64;
  return DType::F32;
}

static Address toAddress(isa::AddressAttr attr) {
  return {attr.getSpace(), static_cast<uint8_t>(attr.getBase()),
          attr.getOffset()};
}

/// Element type name used at the emulator boundary.
static std::string dtypeName(Type type) {
  if (type.isF16())
    return "f16";
  if (type.isF32())
    return "f32";
  if (type.isF64())
    return "f64";
  if (type.isInteger(1))
    return "bool";
  auto integer = dyn_cast<IntegerType>(type);
  if (!integer || integer.isSigned() || integer.getWidth() < 8 ||
      integer.getWidth() > 64)
    return "";
  return (integer.isUnsigned() ? "u" : "i") +
         std::to_string(integer.getWidth());
}

static llvm::Expected<std::vector<uint8_t>> getBytes(ElementsAttr value) {
  ShapedType type = value.getShapedType();
  int64_t count = type.getNumElements();
  // Bools take one byte each in memory; a dense attribute packs them as
  // bits, a resource blob already holds bytes.
  bool isBool = type.getElementType().isInteger(1);
  auto dense = dyn_cast<DenseElementsAttr>(value);
  if (isBool && dense) {
    std::vector<uint8_t> bytes;
    bytes.reserve(count);
    for (bool b : dense.getValues<bool>())
      bytes.push_back(b);
    return bytes;
  }
  size_t elemBytes = isBool ? 1 : type.getElementTypeBitWidth() / 8;
  if (dense) {
    ArrayRef<char> raw = dense.getRawData();
    std::vector<uint8_t> bytes(count * elemBytes);
    if (!dense.isSplat())
      std::memcpy(bytes.data(), raw.data(), bytes.size());
    else
      for (int64_t i = 0; i < count; ++i)
        std::memcpy(bytes.data() + i * elemBytes, raw.data(), elemBytes);
    return bytes;
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return llvm::createStringError("constant refers to a missing resource "
                                     "blob");
    ArrayRef<char> data = blob->getData();
    if (data.size() != size_t(count) * elemBytes)
      return llvm::createStringError(
          llvm::formatv("constant resource holds {0} bytes, its type needs {1}",
                        data.size(), count * elemBytes));
    return std::vector<uint8_t>(data.begin(), data.end());
  }
  return llvm::createStringError("unsupported constant attribute kind");
}

namespace {
/// Appends one kernel's instructions in pre-order.
class KernelDecoder {
public:
  explicit KernelDecoder(Kernel &kernel) : kernel(kernel) {}

  void decodeBlock(Block &block) {
    for (Operation &op : block)
      decode(&op);
  }

private:
  Instruction &append(Operation *op, Opcode opcode) {
    Instruction inst;
    inst.opcode = opcode;
    inst.index = kernel.program.size();
    if (auto pipeOp = dyn_cast<PipeOpInterface>(op))
      inst.pipe = pipeOp.getPipe();
    kernel.program.push_back(inst);
    kernel.opNames.push_back(op->getName().getStringRef().str());
    std::string loc;
    llvm::raw_string_ostream os(loc);
    op->getLoc().print(os);
    kernel.locations.push_back(std::move(loc));
    return kernel.program.back();
  }

  /// Vector operands share one layout: imm[0] repeat, imm[1] mask, then
  /// block strides from imm[2] and repeat strides from imm[6], one per
  /// address slot.
  template <typename OpT>
  Instruction &appendVector(OpT op, Opcode opcode, VecFn fn,
                            std::initializer_list<isa::AddressAttr> addrs,
                            std::initializer_list<int64_t> blk,
                            std::initializer_list<int64_t> rep) {
    Instruction &inst = append(op, opcode);
    inst.fn = fn;
    inst.dtype = toDType(op.getDtype());
    inst.imm[0] = op.getRepeat();
    inst.imm[1] = op.getMask();
    unsigned i = 0;
    for (isa::AddressAttr a : addrs)
      inst.addr[i++] = toAddress(a);
    i = 0;
    for (int64_t b : blk)
      inst.imm[2 + i++] = b;
    i = 0;
    for (int64_t r : rep)
      inst.imm[6 + i++] = r;
    return inst;
  }

  void decode(Operation *op);

  Kernel &kernel;
};
} // namespace

void KernelDecoder::decode(Operation *op) {
  using namespace isa;
  auto scalarBinary = [&](auto s, Opcode opcode) {
    Instruction &inst = append(s, opcode);
    inst.imm[0] = s.getDst();
    inst.imm[1] = s.getLhs();
    inst.imm[2] = s.getRhs();
  };
  auto binary = [&](auto v, VecFn fn) {
    appendVector(v, Opcode::VBinary, fn, {v.getDst(), v.getSrc0(), v.getSrc1()},
                 {v.getDstBlk(), v.getSrc0Blk(), v.getSrc1Blk()},
                 {v.getDstRep(), v.getSrc0Rep(), v.getSrc1Rep()});
  };
  auto vscalar = [&](auto v, VecFn fn) {
    appendVector(v, Opcode::VScalar, fn, {v.getDst(), v.getSrc()},
                 {v.getDstBlk(), v.getSrcBlk()}, {v.getDstRep(), v.getSrcRep()})
        .scalar = v.getScalar().convertToDouble();
  };
  auto unary = [&](auto v, VecFn fn) {
    appendVector(v, Opcode::VUnary, fn, {v.getDst(), v.getSrc()},
                 {v.getDstBlk(), v.getSrcBlk()},
                 {v.getDstRep(), v.getSrcRep()});
  };
  auto reduce = [&](auto v, VecFn fn) {
    appendVector(v, Opcode::VReduce, fn, {v.getDst(), v.getSrc()},
                 {1, v.getSrcBlk()}, {0, v.getSrcRep()});
  };

  llvm::TypeSwitch<Operation *>(op)
      .Case([&](LoadImmOp s) {
        Instruction &inst = append(s, Opcode::Li);
        inst.imm[0] = s.getDst();
        inst.imm[1] = s.getImm();
      })
      .Case([&](ScalarAddOp s) { scalarBinary(s, Opcode::SAdd); })
      .Case([&](ScalarSubOp s) { scalarBinary(s, Opcode::SSub); })
      .Case([&](ScalarMulOp s) { scalarBinary(s, Opcode::SMul); })
      .Case([&](ScalarDivOp s) { scalarBinary(s, Opcode::SDiv); })
      .Case([&](ScalarMinOp s) { scalarBinary(s, Opcode::SMin); })
      .Case([&](ScalarMaxOp s) { scalarBinary(s, Opcode::SMax); })
      .Case<ScalarAddImmOp, ScalarMulImmOp>([&](auto s) {
        Instruction &inst = append(
            s, llvm::isa<ScalarAddImmOp>(op) ? Opcode::SAddI : Opcode::SMulI);
        inst.imm[0] = s.getDst();
        inst.imm[1] = s.getSrc();
        inst.imm[2] = s.getImm();
      })
      .Case([&](GetBlockIdxOp s) {
        append(s, Opcode::GetBlockIdx).imm[0] = s.getDst();
      })
      .Case([&](GetBlockNumOp s) {
        append(s, Opcode::GetBlockNum).imm[0] = s.getDst();
      })
      .Case([&](LoopOp loop) {
        size_t at = kernel.program.size();
        append(loop, Opcode::Loop).imm[0] = loop.getCount();
        decodeBlock(loop.getBody().front());
        kernel.program[at].bodyEnd = kernel.program.size();
      })
      .Case<SetFlagOp, WaitFlagOp>([&](auto f) {
        Instruction &inst = append(
            f, llvm::isa<SetFlagOp>(op) ? Opcode::SetFlag : Opcode::WaitFlag);
        inst.imm[0] = static_cast<int64_t>(f.getSrc());
        inst.imm[1] = static_cast<int64_t>(f.getDst());
        inst.imm[2] = f.getEvent();
      })
      .Case([&](BarrierOp b) { append(b, Opcode::Barrier); })
      .Case([&](CopyOp c) {
        Instruction &inst = append(c, Opcode::Copy);
        inst.addr[0] = toAddress(c.getDst());
        inst.addr[1] = toAddress(c.getSrc());
        inst.imm[0] = c.getNburst();
        inst.imm[1] = c.getLen();
        inst.imm[2] = c.getSrcGap();
        inst.imm[3] = c.getDstGap();
      })
      .Case([&](CopyPadOp c) {
        Instruction &inst = append(c, Opcode::CopyPad);
        inst.addr[0] = toAddress(c.getDst());
        inst.addr[1] = toAddress(c.getSrc());
        inst.imm[0] = c.getNburst();
        inst.imm[1] = c.getLen();
        inst.imm[2] = c.getSrcStride();
        inst.imm[3] = c.getDstStride();
      })
      .Case([&](Load2dOp l) {
        Instruction &inst = append(l, Opcode::Load2d);
        inst.addr[0] = toAddress(l.getDst());
        inst.addr[1] = toAddress(l.getSrc());
        inst.imm[0] = l.getCount();
        inst.imm[1] = l.getSrcStride();
        inst.dtype = toDType(l.getDtype());
        inst.flag = l.getTranspose();
      })
      .Case([&](Load3dOp l) {
        Instruction &inst = append(l, Opcode::Load3d);
        inst.addr[0] = toAddress(l.getDst());
        inst.addr[1] = toAddress(l.getSrc());
        int64_t fields[] = {l.getH(),       l.getW(),      l.getC1(),
                            l.getKh(),      l.getKw(),     l.getStrideH(),
                            l.getStrideW(), l.getPadT(),   l.getPadB(),
                            l.getPadL(),    l.getPadR(),   l.getDilH(),
                            l.getDilW(),    l.getMStart(), l.getM1Count(),
                            l.getK1Start(), l.getK1Count()};
        std::copy(std::begin(fields), std::end(fields), inst.imm);
        inst.dtype = toDType(l.getDtype());
      })
      .Case([&](MoveL0CToUBOp m) {
        Instruction &inst = append(m, Opcode::L0CToUB);
        inst.addr[0] = toAddress(m.getDst());
        inst.addr[1] = toAddress(m.getSrc());
        inst.imm[0] = m.getCount();
        inst.dtype = toDType(m.getDtype());
        inst.flag = m.getRelu();
      })
      .Case([&](MmadOp m) {
        Instruction &inst = append(m, Opcode::Mmad);
        inst.addr[0] = toAddress(m.getC());
        inst.addr[1] = toAddress(m.getA());
        inst.addr[2] = toAddress(m.getB());
        inst.imm[0] = m.getM();
        inst.imm[1] = m.getK();
        inst.imm[2] = m.getN();
        inst.dtype = toDType(m.getDtype());
        inst.flag = m.getInit();
      })
      .Case([&](VAddOp v) { binary(v, VecFn::Add); })
      .Case([&](VSubOp v) { binary(v, VecFn::Sub); })
      .Case([&](VMulOp v) { binary(v, VecFn::Mul); })
      .Case([&](VDivOp v) { binary(v, VecFn::Div); })
      .Case([&](VMaxOp v) { binary(v, VecFn::Max); })
      .Case([&](VMinOp v) { binary(v, VecFn::Min); })
      .Case([&](VCmpOp v) {
        static constexpr VecFn modes[] = {VecFn::CmpLT, VecFn::CmpLE,
                                          VecFn::CmpGT, VecFn::CmpGE,
                                          VecFn::CmpEQ, VecFn::CmpNE};
        appendVector(v, Opcode::VCmp, modes[static_cast<unsigned>(v.getMode())],
                     {v.getDst(), v.getSrc0(), v.getSrc1()},
                     {v.getDstBlk(), v.getSrc0Blk(), v.getSrc1Blk()},
                     {v.getDstRep(), v.getSrc0Rep(), v.getSrc1Rep()});
      })
      .Case([&](VSelOp v) {
        appendVector(
            v, Opcode::VSel, VecFn::Add,
            {v.getDst(), v.getCond(), v.getSrc0(), v.getSrc1()},
            {v.getDstBlk(), v.getSrc0Blk(), v.getSrc0Blk(), v.getSrc1Blk()},
            {v.getDstRep(), v.getSrc0Rep(), v.getSrc0Rep(), v.getSrc1Rep()});
      })
      .Case([&](VAddsOp v) { vscalar(v, VecFn::Add); })
      .Case([&](VMulsOp v) { vscalar(v, VecFn::Mul); })
      .Case([&](VMaxsOp v) { vscalar(v, VecFn::Max); })
      .Case([&](VMinsOp v) { vscalar(v, VecFn::Min); })
      .Case([&](VExpOp v) { unary(v, VecFn::Exp); })
      .Case([&](VLnOp v) { unary(v, VecFn::Ln); })
      .Case([&](VAbsOp v) { unary(v, VecFn::Abs); })
      .Case([&](VReluOp v) { unary(v, VecFn::Relu); })
      .Case([&](VSqrtOp v) { unary(v, VecFn::Sqrt); })
      .Case([&](VRecOp v) { unary(v, VecFn::Rec); })
      .Case([&](VRsqrtOp v) { unary(v, VecFn::Rsqrt); })
      .Case([&](VAndOp v) { binary(v, VecFn::And); })
      .Case([&](VOrOp v) { binary(v, VecFn::Or); })
      .Case([&](VNotOp v) { unary(v, VecFn::Not); })
      .Case([&](VBrcbOp v) {
        // The vector layout without a mask: 8 source elements per repeat.
        Instruction &inst = append(v, Opcode::VBrcb);
        inst.dtype = toDType(v.getDtype());
        inst.imm[0] = v.getRepeat();
        inst.imm[1] = 8;
        inst.addr[0] = toAddress(v.getDst());
        inst.addr[1] = toAddress(v.getSrc());
        inst.imm[2] = v.getDstBlk();
        inst.imm[6] = v.getDstRep();
      })
      .Case([&](VConvOp v) {
        Instruction &inst = append(v, Opcode::VConv);
        inst.dtype = toDType(v.getDstType());
        inst.dtype2 = toDType(v.getSrcType());
        if (v.getRound())
          inst.round = *v.getRound();
        inst.imm[0] = v.getRepeat();
        inst.imm[1] = v.getMask();
        inst.addr[0] = toAddress(v.getDst());
        inst.addr[1] = toAddress(v.getSrc());
        inst.imm[2] = v.getDstBlk();
        inst.imm[3] = v.getSrcBlk();
        inst.imm[6] = v.getDstRep();
        inst.imm[7] = v.getSrcRep();
      })
      .Case([&](VDupOp v) {
        Instruction &inst = append(v, Opcode::VDup);
        inst.dtype = toDType(v.getDtype());
        inst.imm[0] = v.getRepeat();
        inst.imm[1] = v.getMask();
        inst.addr[0] = toAddress(v.getDst());
        inst.imm[2] = v.getDstBlk();
        inst.imm[6] = v.getDstRep();
        inst.scalar = v.getScalar().convertToDouble();
      })
      .Case([&](VCAddOp v) { reduce(v, VecFn::Add); })
      .Case([&](VCMaxOp v) { reduce(v, VecFn::Max); })
      .Case([&](VCMinOp v) { reduce(v, VecFn::Min); })
      .Case([&](VNchwConvOp v) {
        Instruction &inst = append(v, Opcode::VNchwConv);
        inst.dtype = toDType(v.getDtype());
        inst.addr[0] = toAddress(v.getDst());
        inst.addr[1] = toAddress(v.getSrc());
        inst.imm[0] = v.getRepeat();
        inst.imm[2] = v.getDstStride();
        inst.imm[3] = v.getSrcStride();
        inst.imm[6] = v.getDstRep();
        inst.imm[7] = v.getSrcRep();
      })
      .Case([&](VGatherOp v) {
        Instruction &inst = append(v, Opcode::VGather);
        inst.dtype = toDType(v.getDtype());
        inst.addr[0] = toAddress(v.getDst());
        inst.addr[1] = toAddress(v.getSrc());
        inst.addr[2] = toAddress(v.getOffsets());
        inst.imm[0] = v.getRepeat();
        inst.imm[1] = v.getMask();
        inst.imm[3] = v.getSrcBytes();
        inst.imm[6] = v.getDstRep();
      })
      .Case([&](VTransposeOp v) {
        Instruction &inst = append(v, Opcode::VTranspose);
        inst.dtype = DType::F16;
        inst.addr[0] = toAddress(v.getDst());
        inst.addr[1] = toAddress(v.getSrc());
      });
}

llvm::Expected<Program> ascend::emu::decodePlan(isa::PlanOp plan) {
  llvm::Expected<MachineModel> machine =
      MachineModel::getPreset(plan.getTarget());
  if (!machine)
    return machine.takeError();
  Program program;
  program.machine = std::move(*machine);
  program.gmSize = plan.getGmSize();
  for (Operation &op : plan.getBody().front()) {
    if (auto tensor = dyn_cast<isa::TensorOp>(op)) {
      auto type = cast<RankedTensorType>(tensor.getType());
      std::string dtype = dtypeName(type.getElementType());
      if (dtype.empty())
        return llvm::createStringError(llvm::formatv(
            "tensor '{0}' has unsupported element type", tensor.getName()));
      program.tensors.push_back(
          {tensor.getName().str(), tensor.getKind() == isa::TensorKind::Input,
           dtype, std::vector<int64_t>(type.getShape()),
           uint64_t(tensor.getOffset()), uint64_t(tensor.getSizeInBytes())});
    } else if (auto constant = dyn_cast<isa::ConstantOp>(op)) {
      llvm::Expected<std::vector<uint8_t>> bytes =
          getBytes(constant.getValue());
      if (!bytes)
        return bytes.takeError();
      program.constants.push_back(
          {uint64_t(constant.getOffset()), std::move(*bytes)});
    } else if (auto kernelOp = dyn_cast<isa::KernelOp>(op)) {
      Kernel kernel;
      kernel.name = kernelOp.getSymName().str();
      kernel.blockDim = kernelOp.getBlockDim();
      KernelDecoder(kernel).decodeBlock(kernelOp.getBody().front());
      program.kernels.push_back(std::move(kernel));
    }
  }
  return program;
}
