//===- TileDialect.cpp - Buffer-level tiled dialect -----------------------===//

#include "tile/TileDialect.h"
#include "tile/TileAttrs.h"
#include "tile/TileOps.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace ascend::tile;

#include "tile/TileDialect.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "tile/TileAttrs.cpp.inc"

void TileDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "tile/TileAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "tile/TileOps.cpp.inc"
      >();
}

std::optional<ascend::MemorySpace>
ascend::tile::getMemorySpace(MemRefType type) {
  if (auto space = dyn_cast_or_null<MemorySpaceAttr>(type.getMemorySpace()))
    return space.getValue();
  return std::nullopt;
}
