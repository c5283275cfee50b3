//===- TileDialect.td - Buffer-level tiled dialect -----------*- tablegen -*-===//

#ifndef ASCEND_TILE_DIALECT
#define ASCEND_TILE_DIALECT

include "mlir/IR/OpBase.td"

def Tile_Dialect : Dialect {
  let name = "tile";
  let cppNamespace = "::ascend::tile";
  let summary = "Tiled loops over on-chip buffers";
  let description = [{
    The `tile` dialect is the level between the tensor graph and
    instructions: kernels are `scf` loops over memrefs whose memory space
    (`#tile.space<gm|l1|l0a|l0b|l0c|ub>`) says which buffer of the core holds
    them, and each op is one copy or compute step on whole tiles. Every op
    reports the pipe that runs it through `PipeOpInterface`, and its reads and
    writes through `MemoryEffectOpInterface`, which is what memory planning
    and sync insertion work from.
  }];
  let useDefaultAttributePrinterParser = 1;
}

class Tile_Op<string mnemonic, list<Trait> traits = []>
    : Op<Tile_Dialect, mnemonic, traits>;

// A memref placed in one of the core's memory spaces.
def Tile_Buffer : Type<
    And<[IsMemRefTypePred,
         CPred<"::ascend::tile::getMemorySpace("
               "::llvm::cast<::mlir::MemRefType>($_self)).has_value()">]>,
    "memref in a #tile.space memory space", "::mlir::MemRefType">;

#endif // ASCEND_TILE_DIALECT
