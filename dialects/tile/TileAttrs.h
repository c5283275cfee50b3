//===- TileAttrs.h - Attributes of the tile dialect -------------*- C++ -*-===//

#ifndef ASCEND_TILE_TILEATTRS_H
#define ASCEND_TILE_TILEATTRS_H

#include "common/AscendEnums.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/DialectImplementation.h"

#define GET_ATTRDEF_CLASSES
#include "tile/TileAttrs.h.inc"

#endif // ASCEND_TILE_TILEATTRS_H
