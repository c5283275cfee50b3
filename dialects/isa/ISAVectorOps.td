//===- ISAVectorOps.td - Vector unit instructions ------------*- tablegen -*-===//
//
// Every vector instruction works in repeats: one repeat reads and writes
// 8 blocks of 32 bytes per operand (256 bytes: 128 f16, 64 f32 or 32 s64
// lanes).
// Block j of repeat r of an operand is at
//   addr + (r * rep_stride + j * blk_stride) * 32
// and only the first `mask` lanes of each repeat are computed and written.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_ISA_VECTOROPS
#define ASCEND_ISA_VECTOROPS

include "isa/ISABase.td"
include "isa/ISAEnums.td"

class ISA_VectorOp<string mnemonic, list<Trait> traits = []>
    : ISA_PipeOp<mnemonic, "V", traits> {
  let hasVerifier = 1;
}

// dst = f(src0, src1)
// `types` names the lane types the instruction takes (isa::VectorTypes).
class ISA_VectorBinaryOp<string mnemonic, string formula,
                         string types = "Arith">
    : ISA_VectorOp<mnemonic> {
  let summary = "Vector " # formula;
  let description = "Lane-wise `dst = " # formula # "` over `repeat` repeats.";
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src0,
                   ISA_AddressAttr:$src1, ISA_DType:$dtype,
                   ISA_Repeat:$repeat, ISA_U8:$mask,
                   ISA_Stride:$dst_blk, ISA_Stride:$src0_blk,
                   ISA_Stride:$src1_blk, ISA_Stride:$dst_rep,
                   ISA_Stride:$src0_rep, ISA_Stride:$src1_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src0) `,` custom<Address>($src1)
    `,` $dtype `,` `repeat` $repeat `,` `mask` $mask `,`
    `blk` `[` $dst_blk `,` $src0_blk `,` $src1_blk `]` `,`
    `rep` `[` $dst_rep `,` $src0_rep `,` $src1_rep `]` attr-dict
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::isa::verifyVectorInstruction(*this,
          {{"dst", getDst()}, {"src0", getSrc0()}, {"src1", getSrc1()}},
          getDtype(), getMask(), /*lanes=*/0,
          ::ascend::isa::VectorTypes::}] # types # [{);
    }
  }];
}

def ISA_VAddOp : ISA_VectorBinaryOp<"vadd", "src0 + src1">;
def ISA_VSubOp : ISA_VectorBinaryOp<"vsub", "src0 - src1">;
def ISA_VMulOp : ISA_VectorBinaryOp<"vmul", "src0 * src1">;
def ISA_VDivOp : ISA_VectorBinaryOp<"vdiv", "src0 / src1", "Float">;
def ISA_VMaxOp : ISA_VectorBinaryOp<"vmax", "max(src0, src1)">;
def ISA_VMinOp : ISA_VectorBinaryOp<"vmin", "min(src0, src1)">;
// Bitwise, on 16-bit lanes only (as the Da Vinci vand/vor): any data is
// processed as its bytes viewed as i16.
def ISA_VAndOp : ISA_VectorBinaryOp<"vand", "src0 & src1", "Bits16">;
def ISA_VOrOp : ISA_VectorBinaryOp<"vor", "src0 | src1", "Bits16">;

def ISA_VCmpOp : ISA_VectorOp<"vcmp"> {
  let summary = "Vector comparison producing 1 / 0";
  let description = [{
    Lane-wise `dst = (src0 <mode> src1) ? 1 : 0`, in `dtype` (f16, f32, s16,
    s32, s64, or u64 in unsigned order); the result feeds `isa.vsel` or
    arithmetic.
  }];
  let arguments = (ins Ascend_CmpMode:$mode, ISA_AddressAttr:$dst,
                   ISA_AddressAttr:$src0, ISA_AddressAttr:$src1,
                   ISA_DType:$dtype, ISA_Repeat:$repeat, ISA_U8:$mask,
                   ISA_Stride:$dst_blk, ISA_Stride:$src0_blk,
                   ISA_Stride:$src1_blk, ISA_Stride:$dst_rep,
                   ISA_Stride:$src0_rep, ISA_Stride:$src1_rep);
  let assemblyFormat = [{
    $mode custom<Address>($dst) `,` custom<Address>($src0) `,`
    custom<Address>($src1) `,` $dtype `,` `repeat` $repeat `,` `mask` $mask `,`
    `blk` `[` $dst_blk `,` $src0_blk `,` $src1_blk `]` `,`
    `rep` `[` $dst_rep `,` $src0_rep `,` $src1_rep `]` attr-dict
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::isa::verifyVectorInstruction(*this,
          {{"dst", getDst()}, {"src0", getSrc0()}, {"src1", getSrc1()}},
          getDtype(), getMask(), /*lanes=*/0,
          ::ascend::isa::VectorTypes::Arith);
    }
  }];
}

def ISA_VSelOp : ISA_VectorOp<"vsel"> {
  let summary = "Vector select";
  let description = [{
    Lane-wise `dst = cond != 0 ? src0 : src1`. `cond` uses the strides of
    `src0`.
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$cond,
                   ISA_AddressAttr:$src0, ISA_AddressAttr:$src1,
                   ISA_DType:$dtype, ISA_Repeat:$repeat, ISA_U8:$mask,
                   ISA_Stride:$dst_blk, ISA_Stride:$src0_blk,
                   ISA_Stride:$src1_blk, ISA_Stride:$dst_rep,
                   ISA_Stride:$src0_rep, ISA_Stride:$src1_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($cond) `,`
    custom<Address>($src0) `,` custom<Address>($src1) `,` $dtype `,`
    `repeat` $repeat `,` `mask` $mask `,`
    `blk` `[` $dst_blk `,` $src0_blk `,` $src1_blk `]` `,`
    `rep` `[` $dst_rep `,` $src0_rep `,` $src1_rep `]` attr-dict
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::isa::verifyVectorInstruction(*this,
          {{"dst", getDst()}, {"cond", getCond()}, {"src0", getSrc0()},
           {"src1", getSrc1()}}, getDtype(), getMask(), /*lanes=*/0,
          ::ascend::isa::VectorTypes::Arith);
    }
  }];
}

// dst = f(src, scalar)
class ISA_VectorScalarOp<string mnemonic, string formula>
    : ISA_VectorOp<mnemonic> {
  let summary = "Vector-scalar " # formula;
  let description = [{
    Lane-wise `dst = }] # formula # [{` with an immediate `scalar`,
    rounded to `dtype` (integer lanes: an integral value that `dtype`
    holds).
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   F64Attr:$scalar, ISA_DType:$dtype, ISA_Repeat:$repeat,
                   ISA_U8:$mask, ISA_Stride:$dst_blk, ISA_Stride:$src_blk,
                   ISA_Stride:$dst_rep, ISA_Stride:$src_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` $scalar `,` $dtype `,`
    `repeat` $repeat `,` `mask` $mask `,` `blk` `[` $dst_blk `,` $src_blk `]`
    `,` `rep` `[` $dst_rep `,` $src_rep `]` attr-dict
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::isa::verifyVectorInstruction(*this,
          {{"dst", getDst()}, {"src", getSrc()}}, getDtype(), getMask(),
          /*lanes=*/0, ::ascend::isa::VectorTypes::Arith, getScalar());
    }
  }];
}

def ISA_VAddsOp : ISA_VectorScalarOp<"vadds", "src + scalar">;
def ISA_VMulsOp : ISA_VectorScalarOp<"vmuls", "src * scalar">;
def ISA_VMaxsOp : ISA_VectorScalarOp<"vmaxs", "max(src, scalar)">;
def ISA_VMinsOp : ISA_VectorScalarOp<"vmins", "min(src, scalar)">;

// dst = f(src)
class ISA_VectorUnaryOp<string mnemonic, string formula,
                        string types = "Float">
    : ISA_VectorOp<mnemonic> {
  let summary = "Vector " # formula;
  let description = "Lane-wise `dst = " # formula # "`.";
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_DType:$dtype, ISA_Repeat:$repeat, ISA_U8:$mask,
                   ISA_Stride:$dst_blk, ISA_Stride:$src_blk,
                   ISA_Stride:$dst_rep, ISA_Stride:$src_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` $dtype `,`
    `repeat` $repeat `,` `mask` $mask `,` `blk` `[` $dst_blk `,` $src_blk `]`
    `,` `rep` `[` $dst_rep `,` $src_rep `]` attr-dict
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::isa::verifyVectorInstruction(*this,
          {{"dst", getDst()}, {"src", getSrc()}}, getDtype(), getMask(),
          /*lanes=*/0, ::ascend::isa::VectorTypes::}] # types # [{);
    }
  }];
}

def ISA_VExpOp : ISA_VectorUnaryOp<"vexp", "exp(src)">;
def ISA_VLnOp : ISA_VectorUnaryOp<"vln", "log(src)">;
def ISA_VAbsOp : ISA_VectorUnaryOp<"vabs", "|src|", "Arith">;
def ISA_VReluOp : ISA_VectorUnaryOp<"vrelu", "max(src, 0)">;
def ISA_VSqrtOp : ISA_VectorUnaryOp<"vsqrt", "sqrt(src)">;
def ISA_VRecOp : ISA_VectorUnaryOp<"vrec", "1 / src">;
def ISA_VRsqrtOp : ISA_VectorUnaryOp<"vrsqrt", "1 / sqrt(src)">;
def ISA_VNotOp : ISA_VectorUnaryOp<"vnot", "~src", "Bits16">;

def ISA_VConvOp : ISA_VectorOp<"vconv"> {
  let summary = "Vector type conversion";
  let description = [{
    Lane-wise `dst = (dst_type) src`. A repeat converts 256 bytes of the
    wider type (32 lanes beside s64/u64, 64 for f32/s32, 128 for f16/s16 <->
    s8/u8). Pairs: f32 <-> f16, f32 <-> s32, f16 <-> s32, f16 <-> s16,
    f16 <-> s8/u8, and the 64-bit lanes: s64/u64 <-> s32, s64/u64 <-> f32,
    s64 <-> u64. Float -> integer needs a `round` mode and saturates (NaN ->
    0); the other pairs have none: f32 -> f16 and s32/s64/u64 -> f32 round
    to nearest even, s64/u64 -> s32 keeps the low 32 bits, s32 -> s64/u64
    sign-extends and s64 <-> u64 keeps the bits (all modulo the destination
    width), the rest are exact.

    ```mlir
    isa.vconv ub[r1], ub[r2], f16, f32, repeat 2, mask 64, blk[1, 1], rep[4, 8]
    isa.vconv ub[r1], ub[r2], i32, f32, round floor, repeat 1, mask 64, blk[1, 1], rep[8, 8]
    isa.vconv ub[r1], ub[r2], i64, i32, repeat 1, mask 32, blk[1, 1], rep[8, 4]
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_DType:$dst_type, ISA_DType:$src_type,
                   OptionalAttr<Ascend_RoundMode>:$round,
                   ISA_Repeat:$repeat, ISA_U8:$mask, ISA_Stride:$dst_blk,
                   ISA_Stride:$src_blk, ISA_Stride:$dst_rep,
                   ISA_Stride:$src_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` $dst_type `,`
    $src_type `,` (`round` $round^ `,`)? `repeat` $repeat `,` `mask` $mask `,`
    `blk` `[` $dst_blk `,` $src_blk `]` `,` `rep` `[` $dst_rep `,` $src_rep `]`
    attr-dict
  }];
}

def ISA_VDupOp : ISA_VectorOp<"vdup"> {
  let summary = "Broadcast a scalar into vector lanes";
  let description = "Lane-wise `dst = scalar`.";
  let arguments = (ins ISA_AddressAttr:$dst, F64Attr:$scalar, ISA_DType:$dtype,
                   ISA_Repeat:$repeat, ISA_U8:$mask, ISA_Stride:$dst_blk,
                   ISA_Stride:$dst_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` $scalar `,` $dtype `,` `repeat` $repeat `,`
    `mask` $mask `,` `blk` `[` $dst_blk `]` `,` `rep` `[` $dst_rep `]`
    attr-dict
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::isa::verifyVectorInstruction(*this,
          {{"dst", getDst()}}, getDtype(), getMask(), /*lanes=*/0,
          ::ascend::isa::VectorTypes::Arith, getScalar());
    }
  }];
}

// One result per repeat.
class ISA_VectorReduceOp<string mnemonic, string what>
    : ISA_VectorOp<mnemonic> {
  let summary = "Vector " # what # " within each repeat";
  let description = [{
    For each repeat r, reduces the `mask` active lanes with }] # what # [{
    and writes the single result to element r of `dst` (results are
    contiguous).
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_DType:$dtype, ISA_Repeat:$repeat, ISA_U8:$mask,
                   ISA_Stride:$src_blk, ISA_Stride:$src_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` $dtype `,`
    `repeat` $repeat `,` `mask` $mask `,` `blk` `[` $src_blk `]` `,`
    `rep` `[` $src_rep `]` attr-dict
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::isa::verifyVectorInstruction(*this,
          {{"dst", getDst()}, {"src", getSrc()}}, getDtype(), getMask());
    }
  }];
}

def ISA_VCAddOp : ISA_VectorReduceOp<"vcadd", "a sum">;
def ISA_VCMaxOp : ISA_VectorReduceOp<"vcmax", "a maximum">;
def ISA_VCMinOp : ISA_VectorReduceOp<"vcmin", "a minimum">;

// Brcb: scalars in ub become whole blocks, so a per-row value (a row's max
// or sum) can be combined with the row through a block stride of 0.
def ISA_VBrcbOp : ISA_VectorOp<"vbrcb"> {
  let summary = "Broadcast each source element into one 32-byte block";
  let description = [{
    For each repeat r and j < 8, element `r * 8 + j` of `src` (contiguous)
    fills every lane of the block at `dst + (r * dst_rep + j * dst_blk) * 32`.
    Models the Da Vinci `vbrcb` (Brcb) instruction: 8 source elements per
    repeat, no mask.

    ```mlir
    isa.vbrcb ub[r1], ub[r2], f32, repeat 2, blk[1], rep[8]
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_DType:$dtype, ISA_Repeat:$repeat,
                   ISA_Stride:$dst_blk, ISA_Stride:$dst_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` $dtype `,`
    `repeat` $repeat `,` `blk` `[` $dst_blk `]` `,` `rep` `[` $dst_rep `]`
    attr-dict
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::isa::verifyVectorInstruction(*this,
          {{"dst", getDst()}, {"src", getSrc()}}, getDtype(), /*mask=*/1);
    }
  }];
}

def ISA_VTransposeOp : ISA_VectorOp<"vtranspose"> {
  let summary = "Transpose one 16 x 16 f16 block";
  let description = [{
    `dst[j][i] = src[i][j]` for a 16 x 16 f16 matrix (512 bytes) stored
    row-major.
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src);
  let assemblyFormat = "custom<Address>($dst) `,` custom<Address>($src) attr-dict";
}

def ISA_VNchwConvOp : ISA_VectorOp<"vnchwconv"> {
  let summary = "Transpose K rows of 32-byte blocks into K columns";
  let description = [{
    The vector unit's NCHW <-> NC1HWC0 converter. With K = 32 / element size
    (16 for `f16`, 8 for `f32`), each repeat r reads K source rows, row i
    being the 32-byte block at `src + (r * src_rep + i * src_stride) * 32`,
    and writes K destination rows, row j at
    `dst + (r * dst_rep + j * dst_stride) * 32`, with
    `dst_row_j[i] = src_row_i[j]`: a K x K transpose whose rows are scattered
    by strides. One repeat reads every source row before writing, so `dst`
    may equal `src`.

    ```mlir
    isa.vnchwconv ub[r0 + 512], ub[r0], f16, repeat 2, stride[1, 2], rep[16, 1]
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_DType:$dtype, ISA_Repeat:$repeat,
                   ISA_Stride:$dst_stride, ISA_Stride:$src_stride,
                   ISA_U16:$dst_rep, ISA_U16:$src_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` $dtype `,`
    `repeat` $repeat `,` `stride` `[` $dst_stride `,` $src_stride `]` `,`
    `rep` `[` $dst_rep `,` $src_rep `]` attr-dict
  }];
}

// Gather: the vector unit's indexed read of ub (AscendC `Gather`). Lanes
// are addressed by byte offsets, so one instruction serves any element
// layout of the source (rows of a table, an index tensor to expand).
def ISA_VGatherOp : ISA_VectorOp<"vgather"> {
  let summary = "Gather ub elements at per-lane byte offsets";
  let description = [{
    For each repeat r and lane e < `mask`, with L = 256 / element size lanes
    per repeat (64 for 32-bit, 128 for 16-bit lanes):

      dst[r * dst_rep * 32 + e * size] = src[offsets[r * L + e]]

    `offsets` holds contiguous u32 byte offsets from `src`; every offset must
    lie in the `src_bytes`-byte source range and be a multiple of the
    element size, or the instruction fails at run time. Lanes only move
    bits, so `dtype` gives their width (f16/i16 or f32/i32). The sanitizer
    counts the instruction as reading its whole source range and the
    offsets of the active lanes, and writing the destination lanes.
    Models the Da Vinci `vgather` (AscendC `Gather` with a ub offset
    tensor).

    ```mlir
    isa.vgather ub[r1], ub[r2], ub[r3], f32, src_bytes 4096, repeat 2, mask 64, rep[8]
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_AddressAttr:$offsets, ISA_DType:$dtype,
                   ConfinedAttr<I32Attr, [IntMinValue<1>]>:$src_bytes,
                   ISA_Repeat:$repeat, ISA_U8:$mask, ISA_Stride:$dst_rep);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,`
    custom<Address>($offsets) `,` $dtype `,` `src_bytes` $src_bytes `,`
    `repeat` $repeat `,` `mask` $mask `,` `rep` `[` $dst_rep `]` attr-dict
  }];
}

#endif // ASCEND_ISA_VECTOROPS
