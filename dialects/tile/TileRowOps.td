//===- TileRowOps.td - Row-wise vector ops with broadcasting -*- tablegen -*-===//
//
// Ops over 2-D ub views [R, W] whose rows start at 32-byte blocks (row
// strides are whole blocks). They carry reductions and numpy broadcasting
// to the vector unit: a row is one repeat run, a broadcast row is re-read
// with a repeat stride of 0, and a per-row value is a block filled by
// tile.vbrcb and re-read with a block stride of 0.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_TILE_ROWOPS
#define ASCEND_TILE_ROWOPS

class Tile_VectorBroadcastOp<string mnemonic, string formula>
    : Tile_VectorOp<mnemonic, []> {
  let summary = "Vector `" # formula # "` over rows with broadcasting";
  let description = [{
    `dst[i, j] = }] # formula # [{` for a 2-D ub view `dst` [R, W]. An
    operand of shape [R, W] is read element by element; an operand of shape
    [1, W] is one row read for every i; an operand of shape [R, 1] (or
    [1, 1]) holds one value per row (or one for all) in a 32-byte block
    filled by `tile.vbrcb`: the vector unit reads lane j of that block, so
    every lane of the block must hold the value unless W is 1. Rows of
    every operand are whole 32-byte blocks apart; `dst` may alias a source.

    ```mlir
    tile.vbcast_sub %x, %m, %x : memref<4x100xf32, strided<[104, 1]>, #tile.space<ub>>,
        memref<4x1xf32, strided<[8, 1]>, #tile.space<ub>>,
        memref<4x100xf32, strided<[104, 1]>, #tile.space<ub>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$lhs,
                   Arg<Tile_Buffer, "", [MemRead]>:$rhs,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = [{
    $lhs `,` $rhs `,` $dst attr-dict `:` type($lhs) `,` type($rhs) `,`
    type($dst)
  }];
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyBroadcastOp(getOperation());
    }
  }];
}

def Tile_VBcastAddOp : Tile_VectorBroadcastOp<"vbcast_add", "lhs + rhs">;
def Tile_VBcastSubOp : Tile_VectorBroadcastOp<"vbcast_sub", "lhs - rhs">;
def Tile_VBcastMulOp : Tile_VectorBroadcastOp<"vbcast_mul", "lhs * rhs">;
def Tile_VBcastDivOp : Tile_VectorBroadcastOp<"vbcast_div", "lhs / rhs">;
def Tile_VBcastMaxOp : Tile_VectorBroadcastOp<"vbcast_max", "max(lhs, rhs)">;
def Tile_VBcastMinOp : Tile_VectorBroadcastOp<"vbcast_min", "min(lhs, rhs)">;

def Tile_VBrcbOp : Tile_VectorOp<"vbrcb", []> {
  let summary = "Fill one 32-byte block per source element";
  let description = [{
    `dst[i, j] = src[i]` for `src` [N] and `dst` [N, 32 / element bytes],
    both contiguous in ub, N a multiple of 8 (the instruction reads 8
    elements per repeat). Becomes `isa.vbrcb`; the blocks feed the [R, 1]
    operands of the `tile.vbcast_*` ops.

    ```mlir
    tile.vbrcb %s, %b : memref<8xf32, #tile.space<ub>>, memref<8x8xf32, #tile.space<ub>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$src,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = "$src `,` $dst attr-dict `:` type($src) `,` type($dst)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyBrcbOp(getOperation());
    }
  }];
}

class Tile_VectorRowReduceOp<string mnemonic, string what, string instruction>
    : Tile_VectorOp<mnemonic, []> {
  let summary = "The " # what # " of each row";
  let description = [{
    `dst[i] = }] # what # [{(src[i, 0..W))` for a ub view `src` [R, W] with
    W at most one repeat of lanes (64 f32 or 128 f16) and rows whole blocks
    apart (at most 255), and a contiguous `dst` [R]. Becomes `isa.}] #
    instruction # [{`, one repeat per row; longer rows are first folded
    into one repeat with `tile.vbcast_*` ops.

    ```mlir
    tile.}] # mnemonic # [{ %acc, %r : memref<16x64xf32, #tile.space<ub>>, memref<16xf32, #tile.space<ub>>
    ```
  }];
  let arguments = (ins Arg<Tile_Buffer, "", [MemRead]>:$src,
                   Arg<Tile_Buffer, "", [MemWrite]>:$dst);
  let assemblyFormat = "$src `,` $dst attr-dict `:` type($src) `,` type($dst)";
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::tile::verifyRowReduceOp(getOperation());
    }
  }];
}

def Tile_VReduceSumOp : Tile_VectorRowReduceOp<"vreduce_sum", "sum", "vcadd">;
def Tile_VReduceMaxOp : Tile_VectorRowReduceOp<"vreduce_max", "max", "vcmax">;
def Tile_VReduceMinOp : Tile_VectorRowReduceOp<"vreduce_min", "min", "vcmin">;

#endif // ASCEND_TILE_ROWOPS
