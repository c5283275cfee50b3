//===- TileDialect.h - Buffer-level tiled dialect ---------------*- C++ -*-===//

#ifndef ASCEND_TILE_TILEDIALECT_H
#define ASCEND_TILE_TILEDIALECT_H

#include "common/AscendEnums.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"

#include "tile/TileDialect.h.inc"

namespace ascend::tile {
/// The memory space of a buffer, or nothing if its memref type carries no
/// `#tile.space` attribute.
std::optional<MemorySpace> getMemorySpace(mlir::MemRefType type);
} // namespace ascend::tile

#endif // ASCEND_TILE_TILEDIALECT_H
