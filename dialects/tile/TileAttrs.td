//===- TileAttrs.td - Attributes of the tile dialect ---------*- tablegen -*-===//

#ifndef ASCEND_TILE_ATTRS
#define ASCEND_TILE_ATTRS

include "tile/TileDialect.td"
include "common/AscendEnums.td"
include "mlir/IR/AttrTypeBase.td"

def Tile_MemorySpaceAttr : EnumAttr<Tile_Dialect, Ascend_MemorySpace, "space"> {
  let cppNamespace = "::ascend::tile";
  let summary = "Memory space of a buffer";
  let description = [{
    Used as the memory space of a memref: `gm` is global memory (HBM), `l1`
    the core's L1 buffer, `l0a`/`l0b` the cube's left and right operand
    buffers, `l0c` the cube's accumulator buffer and `ub` the vector unit's
    unified buffer.

    ```mlir
    memref<16x256xf16, #tile.space<ub>>
    ```
  }];
  let assemblyFormat = "`<` $value `>`";
}

def Tile_PipeAttr : EnumAttr<Tile_Dialect, Ascend_Pipe, "pipe"> {
  let cppNamespace = "::ascend::tile";
  let summary = "Execution pipe";
  let description = "A pipe of the core, printed bare inside tile ops.";
  let assemblyFormat = "`<` $value `>`";
}

#endif // ASCEND_TILE_ATTRS
