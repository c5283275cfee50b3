//===- TileOps.td - Operations of the tile dialect -----------*- tablegen -*-===//

#ifndef ASCEND_TILE_OPS
#define ASCEND_TILE_OPS

include "tile/TileDialect.td"
include "tile/TileAttrs.td"
include "common/PipeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Tile_CopyOp : Tile_Op<"copy",
    [DeclareOpInterfaceMethods<Ascend_PipeOpInterface>]> {
  let summary = "Copy a tile between memory spaces";
  let description = [{
    Copies `source` into `target`; both have the same shape and element type.
    The pair of memory spaces picks the data path and so the pipe: gm -> l1/ub
    runs on MTE2, l1 -> l0a/l0b on MTE1, ub -> gm/l1 on MTE3, and l0c -> ub on
    the vector pipe. Any other pair has no data path and is rejected.
    An l0c -> ub copy may narrow f32 to f16 (the l0c_to_ub conversion).

    ```mlir
    tile.copy %src, %dst : memref<16x16xf16, #tile.space<gm>> to memref<16x16xf16, #tile.space<ub>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$source,
                   Arg<Tile_Buffer, "", [MemWrite]>:$target);
  let assemblyFormat = [{
    $source `,` $target attr-dict `:` type($source) `to` type($target)
  }];
  let hasVerifier = 1;
}

def Tile_LoadTransposeOp : Tile_Op<"load_transpose", [Ascend_PipeOpInterface]> {
  let summary = "Copy 16 x 16 blocks from L1 to L0A/L0B, transposing them";
  let description = [{
    MTE1 transposing load (`isa.load2d ... transpose`). `source` in l1 is
    [C, 16, 16]: C row-major 16 x 16 blocks, each contiguous, the blocks a
    multiple of 512 bytes apart. `target` in l0a or l0b is
    [C, 16 / K0, 16, K0] and contiguous, with K0 = 32 / element size:
    `target[i][h][c][r] = source[i][h * K0 + r][c]`. For f16 each block is
    one transposed fractal; for f32 it becomes two 16 x 8 fractals (source
    rows 0-7, then 8-15). With a block [16 k][16 n] of a row-major B this
    gives the ZN fractals of L0B; with a block [16 k][16 m] of a stored A^T,
    the ZZ fractals of L0A.

    ```mlir
    tile.load_transpose %src, %dst : memref<2x16x16xf32, #tile.space<l1>> to memref<2x2x16x8xf32, #tile.space<l0b>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$source,
                   Arg<Tile_Buffer, "", [MemWrite]>:$target);
  let assemblyFormat = [{
    $source `,` $target attr-dict `:` type($source) `to` type($target)
  }];
  let extraClassDeclaration = [{
    ::ascend::Pipe getPipe() { return ::ascend::Pipe::MTE1; }
  }];
  let hasVerifier = 1;
}

def Tile_MmadOp : Tile_Op<"mmad",
    [DeclareOpInterfaceMethods<Ascend_PipeOpInterface>]> {
  let summary = "Cube matrix multiply-accumulate";
  let description = [{
    `acc = lhs x rhs` (or `acc += lhs x rhs` with `accumulate`) on the cube:
    `lhs` [M, K] in l0a, `rhs` [K, N] in l0b, `acc` [M, N] in l0c. fp16
    operands accumulate in fp32; fp32 operands use the cube's fp32 mode.

    ```mlir
    tile.mmad %a, %b, %c {accumulate} : memref<32x64xf16, #tile.space<l0a>>,
        memref<64x16xf16, #tile.space<l0b>>, memref<32x16xf32, #tile.space<l0c>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$lhs,
                   Arg<Tile_Buffer, "", [MemRead]>:$rhs,
                   Arg<Tile_Buffer, "", [MemRead, MemWrite]>:$acc,
                   UnitAttr:$accumulate);
  let assemblyFormat = [{
    $lhs `,` $rhs `,` $acc attr-dict `:` type($lhs) `,` type($rhs) `,` type($acc)
  }];
  let hasVerifier = 1;
}

def Tile_Img2ColOp : Tile_Op<"img2col",
    [DeclareOpInterfaceMethods<Ascend_PipeOpInterface>]> {
  let summary = "Expand a feature map in L1 into img2col fractals (load3d)";
  let description = [{
    Writes rows [m_start, m_start + M) and fractal columns [k1_start,
    k1_start + K / C0) of the img2col matrix of the feature map `fmap`
    ([c1, h, w, C0] in l1, contiguous, C0 = 32 bytes / element size) into
    `dst` ([M, K] in l0a or l0b, M a multiple of 16, K of C0) as ZZ fractals
    of 16 rows x C0 columns: the layout `tile.mmad` reads for its lhs. Row m
    is output pixel (m / OW, m % OW); fractal column k1 is channel group and
    kernel tap ((c1i * kh) + i) * kw + j; padding and rows past OH * OW are
    zero. `pads` is [top, bottom, left, right]. Runs on MTE1 as one
    `isa.load3d`.

    ```mlir
    tile.img2col %fmap, %a {kernel = array<i64: 3, 3>, strides = array<i64: 1, 1>,
        pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, m_start = 0 : i64,
        k1_start = 0 : i64} : memref<1x6x6x8xf32, #tile.space<l1>> to memref<48x72xf32, #tile.space<l0a>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$fmap,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst,
                   DenseI64ArrayAttr:$kernel, DenseI64ArrayAttr:$strides,
                   DenseI64ArrayAttr:$pads, DenseI64ArrayAttr:$dilations,
                   I64Attr:$m_start, I64Attr:$k1_start);
  let assemblyFormat = [{
    $fmap `,` $dst attr-dict `:` type($fmap) `to` type($dst)
  }];
  let hasVerifier = 1;
}

class Tile_VectorOp<string mnemonic, list<Trait> traits>
    : Tile_Op<mnemonic, traits # [Ascend_PipeOpInterface]> {
  let extraClassDeclaration = [{
    ::ascend::Pipe getPipe() { return ::ascend::Pipe::V; }
  }];
  let hasVerifier = 1;
}

class Tile_VectorBinaryOp<string mnemonic, string formula>
    : Tile_VectorOp<mnemonic, [AllShapesMatch<["lhs", "rhs", "dst"]>,
                               AllElementTypesMatch<["lhs", "rhs", "dst"]>]> {
  let summary = "Vector elementwise " # formula;
  let description = [{
    `dst[i] = }] # formula # [{` on the vector unit. All three buffers live in
    ub and have one shape and one float element type (their strides may
    differ: columns of 32-byte blocks walk pixels); `dst` may alias an
    input.
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$lhs,
                   Arg<Tile_Buffer, "", [MemRead]>:$rhs,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = [{
    $lhs `,` $rhs `,` $dst attr-dict `:`
    custom<VectorTypes>(type($lhs), type($rhs), type($dst))
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyVectorOp(getOperation());
    }
  }];
}

def Tile_VAddOp : Tile_VectorBinaryOp<"vadd", "lhs[i] + rhs[i]">;
def Tile_VSubOp : Tile_VectorBinaryOp<"vsub", "lhs[i] - rhs[i]">;
def Tile_VMulOp : Tile_VectorBinaryOp<"vmul", "lhs[i] * rhs[i]">;
def Tile_VMaxOp : Tile_VectorBinaryOp<"vmax", "max(lhs[i], rhs[i])">;
def Tile_VDivOp : Tile_VectorBinaryOp<"vdiv", "lhs[i] / rhs[i]">;
def Tile_VMinOp : Tile_VectorBinaryOp<"vmin", "min(lhs[i], rhs[i])">;
// Bitwise ops on integer buffers: the vector unit processes their bytes as
// 16-bit lanes (isa.vand/vor/vnot on i16), so the buffers must be
// contiguous and a whole number of 16-bit lanes.
def Tile_VAndOp : Tile_VectorBinaryOp<"vand", "lhs[i] & rhs[i]">;
def Tile_VOrOp : Tile_VectorBinaryOp<"vor", "lhs[i] | rhs[i]">;

def Tile_VCmpOp : Tile_VectorOp<"vcmp", [AllShapesMatch<["lhs", "rhs", "dst"]>,
    AllElementTypesMatch<["lhs", "rhs", "dst"]>]> {
  let summary = "Vector comparison producing 1 / 0";
  let description = [{
    `dst[i] = (lhs[i] <mode> rhs[i]) ? 1 : 0` in the element type of the
    operands (`isa.vcmp`).

    ```mlir
    tile.vcmp lt %a, %b, %dst : memref<64xi32, #tile.space<ub>>, memref<64xi32, #tile.space<ub>>, memref<64xi32, #tile.space<ub>>
    ```
  }];
  let arguments = (ins Ascend_CmpMode:$mode,
                   Arg<Tile_Buffer, "", [MemRead]>:$lhs,
                   Arg<Tile_Buffer, "", [MemRead]>:$rhs,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = [{
    $mode $lhs `,` $rhs `,` $dst attr-dict `:`
    custom<VectorTypes>(type($lhs), type($rhs), type($dst))
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyVectorOp(getOperation());
    }
  }];
}

def Tile_VSelOp : Tile_VectorOp<"vsel",
    [AllShapesMatch<["cond", "lhs", "rhs", "dst"]>,
     AllElementTypesMatch<["cond", "lhs", "rhs", "dst"]>]> {
  let summary = "Vector select";
  let description = [{
    `dst[i] = cond[i] != 0 ? lhs[i] : rhs[i]` (`isa.vsel`); `cond` holds
    1 / 0 in the operands' element type, as `tile.vcmp` writes it.
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$cond,
                   Arg<Tile_Buffer, "", [MemRead]>:$lhs,
                   Arg<Tile_Buffer, "", [MemRead]>:$rhs,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = [{
    $cond `,` $lhs `,` $rhs `,` $dst attr-dict `:` type($cond) `,` type($lhs)
    `,` type($rhs) `,` type($dst)
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyVectorOp(getOperation());
    }
  }];
}

class Tile_VectorUnaryOp<string mnemonic, string formula>
    : Tile_VectorOp<mnemonic, [AllShapesMatch<["src", "dst"]>,
                               AllElementTypesMatch<["src", "dst"]>]> {
  let summary = "Vector elementwise " # formula;
  let description = [{
    `dst[i] = }] # formula # [{` on the vector unit; both buffers live in ub
    with one shape and one float element type.
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$src,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = [{
    $src `,` $dst attr-dict `:` custom<VectorTypes>(type($src), type($dst))
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyVectorOp(getOperation());
    }
  }];
}

def Tile_VReluOp : Tile_VectorUnaryOp<"vrelu", "max(src[i], 0)">;
def Tile_VExpOp : Tile_VectorUnaryOp<"vexp", "exp(src[i])">;
def Tile_VLnOp : Tile_VectorUnaryOp<"vln", "log(src[i])">;
def Tile_VAbsOp : Tile_VectorUnaryOp<"vabs", "|src[i]|">;
def Tile_VSqrtOp : Tile_VectorUnaryOp<"vsqrt", "sqrt(src[i])">;
def Tile_VRecOp : Tile_VectorUnaryOp<"vrec", "1 / src[i]">;
def Tile_VRsqrtOp : Tile_VectorUnaryOp<"vrsqrt", "1 / sqrt(src[i])">;
def Tile_VNotOp : Tile_VectorUnaryOp<"vnot", "~src[i]">;

class Tile_VectorScalarOp<string mnemonic, string formula>
    : Tile_VectorOp<mnemonic, [AllShapesMatch<["src", "dst"]>,
                               AllElementTypesMatch<["src", "dst"]>]> {
  let summary = "Vector elementwise " # formula # " with a constant";
  let description = [{
    `dst[i] = }] # formula # [{` on the vector unit, `scalar` an immediate
    rounded to the element type; both buffers live in ub.
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$src, F64Attr:$scalar,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = [{
    $src `,` $scalar `,` $dst attr-dict `:`
    custom<VectorTypes>(type($src), type($dst))
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyVectorOp(getOperation());
    }
  }];
}

def Tile_VAddsOp : Tile_VectorScalarOp<"vadds", "src[i] + scalar">;
def Tile_VMulsOp : Tile_VectorScalarOp<"vmuls", "src[i] * scalar">;
def Tile_VMaxsOp : Tile_VectorScalarOp<"vmaxs", "max(src[i], scalar)">;
def Tile_VMinsOp : Tile_VectorScalarOp<"vmins", "min(src[i], scalar)">;

def Tile_VConvOp : Tile_VectorOp<"vconv", []> {
  let summary = "Convert between element types on the vector unit";
  let description = [{
    `dst[i] = src[i]` converted to `dst`'s element type (`isa.vconv`). Both
    buffers live in ub, are contiguous and have one shape. The pairs are
    those of isa.vconv: f32 <-> f16, f32 <-> i32, f16 <-> i32, f16 <-> i16,
    f16 <-> i8/ui8/i1 (i1 is a byte holding 0 or 1), i64/ui64 <-> i32,
    i64/ui64 <-> f32, i64 <-> ui64, or both alike. f32 -> f16 rounds to nearest even; float
    -> integer rounds by `round` (required there, and only there) and
    saturates.

    ```mlir
    tile.vconv %src, %dst : memref<256xf32, #tile.space<ub>> to memref<256xf16, #tile.space<ub>>
    tile.vconv %src, %dst round floor : memref<64xf32, #tile.space<ub>> to memref<64xi32, #tile.space<ub>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$src,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst,
                   OptionalAttr<Ascend_RoundMode>:$round);
  let assemblyFormat = [{
    $src `,` $dst (`round` $round^)? attr-dict `:` type($src) `to` type($dst)
  }];
  // Float <-> float and integer -> float conversions have no round mode.
  let builders = [
    OpBuilder<(ins "::mlir::Value":$src, "::mlir::Value":$dst), [{
      build($_builder, $_state, src, dst, ::ascend::RoundModeAttr());
    }]>
  ];
  let hasVerifier = 1;
}

def Tile_VDupOp : Tile_VectorOp<"vdup", []> {
  let summary = "Fill a buffer with a constant";
  let description = [{
    `dst[i] = scalar` on the vector unit, `scalar` an immediate rounded to the
    element type; `dst` lives in ub. Used to zero padding before it is read
    (the emulator rejects reads of never-written bytes).

    ```mlir
    tile.vdup 0.0, %buf : memref<512xf32, #tile.space<ub>>
    ```
  }];
  let arguments = (ins F64Attr:$scalar, Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = "$scalar `,` $dst attr-dict `:` type($dst)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyVectorOp(getOperation());
    }
  }];
}

def Tile_VNchwConvOp : Tile_VectorOp<"vnchwconv", []> {
  let summary = "Transpose K x K blocks between NCHW rows and NC1HWC0 pixels";
  let description = [{
    `dst[..., j, i] = src[..., i, j]` over the last two dimensions, both K =
    32 bytes / element size (16 for f16, 8 for f32): each K x K matrix has
    its rows in 32-byte blocks, which may be spread by the row stride (e.g.
    K channel rows of a tile of pixels). A leading dimension, if any, is the
    repeat. Becomes `isa.vnchwconv`; both buffers live in ub.

    ```mlir
    tile.vnchwconv %rows, %pixels : memref<2x16x16xf16, strided<[16, 32, 1]>, #tile.space<ub>>
        to memref<2x16x16xf16, #tile.space<ub>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$src,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = "$src `,` $dst attr-dict `:` type($src) `to` type($dst)";
}
def Tile_VGatherOp : Tile_VectorOp<"vgather", []> {
  let summary = "Gather elements of a ub buffer at runtime byte offsets";
  let description = [{
    `dst[i] = src bytes at offsets[i]` (one element of `dst`'s type, read
    `offsets[i]` bytes after the start of `src`). `src` is a contiguous ub
    view: the range the gather may read; `offsets` (contiguous i32 holding
    u32 byte offsets) and `dst` (contiguous) have one number of elements of
    2 or 4 bytes. Becomes `isa.vgather`; an offset outside `src` is a
    runtime error of the emulator.

    ```mlir
    tile.vgather %table, %offsets, %dst : memref<1024xf32, #tile.space<ub>>, memref<64xi32, #tile.space<ub>>, memref<64xf32, #tile.space<ub>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$src,
                   Arg<Tile_Buffer, "", [MemRead]>:$offsets,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = [{
    $src `,` $offsets `,` $dst attr-dict `:` type($src) `,` type($offsets)
    `,` type($dst)
  }];
}
include "tile/TileRowOps.td"

//===----------------------------------------------------------------------===//
// Kernel structure and synchronization
//===----------------------------------------------------------------------===//

def Tile_BlockIdxOp : Tile_Op<"block_idx", [Pure]> {
  let summary = "Index of the block running this kernel instance";
  let description = [{
    In [0, block_dim): kernels split their work across blocks by it.

    ```mlir
    %b = tile.block_idx
    ```
  }];
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict";
}

// Event ids are checked against the preset when the kernel becomes isa.
def Tile_EventId : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<7>]>;

class Tile_FlagOp<string mnemonic, string queue>
    : Tile_Op<mnemonic, [Ascend_PipeOpInterface]> {
  let arguments = (ins Tile_PipeAttr:$src, Tile_PipeAttr:$dst,
                   Tile_EventId:$event);
  let assemblyFormat = "$src `->` $dst `,` $event attr-dict";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::ascend::Pipe getPipe() { return get}] # queue # [{(); }
  }];
}

def Tile_SetFlagOp : Tile_FlagOp<"set_flag", "Src"> {
  let summary = "Signal pipe `dst` once `src` has finished earlier work";
  let description = [{
    Becomes `isa.set_flag`. Inserted by sync insertion between an op on pipe
    `src` and a later op on pipe `dst` that touches the same buffer.

    ```mlir
    tile.set_flag <mte2> -> <v>, 0
    ```
  }];
}

def Tile_WaitFlagOp : Tile_FlagOp<"wait_flag", "Dst"> {
  let summary = "Hold pipe `dst` until the matching set_flag";
  let description = [{
    Becomes `isa.wait_flag`.

    ```mlir
    tile.wait_flag <mte2> -> <v>, 0
    ```
  }];
}

def Tile_BarrierOp : Tile_Op<"barrier", [Ascend_PipeOpInterface]> {
  let summary = "Order the memory accesses of one pipe";
  let description = [{
    Becomes `isa.barrier`: later ops of `pipe` see the effects of earlier
    ones.

    ```mlir
    tile.barrier <v>
    ```
  }];
  let arguments = (ins Tile_PipeAttr:$pipe);
  let assemblyFormat = "$pipe attr-dict";
}

#endif // ASCEND_TILE_OPS
