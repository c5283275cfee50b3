//===- InitAll.cpp - Register ascend-compiler dialects and passes ---------===//

#include "ascend/InitAll.h"

#include "ascend/Conversion/NNToTile.h"
#include "ascend/Conversion/TileToISA.h"
#include "ascend/Transforms/FusionPasses.h"
#include "ascend/Transforms/LayoutPasses.h"
#include "ascend/Transforms/MemoryPasses.h"
#include "ascend/Transforms/Passes.h"
#include "ascend/Transforms/SyncPasses.h"

#include "isa/ISADialect.h"
#include "nn/NNDialect.h"
#include "tile/TileDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void ascend::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<nn::NNDialect, tile::TileDialect, isa::ISADialect>();
  registry.insert<mlir::func::FuncDialect, mlir::arith::ArithDialect,
                  mlir::scf::SCFDialect, mlir::memref::MemRefDialect,
                  mlir::tensor::TensorDialect,
                  mlir::bufferization::BufferizationDialect>();
}

void ascend::registerAllPasses() {
  // Generic cleanups (canonicalize, cse, symbol-dce, ...) that our pipelines
  // and lit tests run between our own passes.
  mlir::registerTransformsPasses();
  // nn graph passes (lib/Transforms), fusion, the lowerings, tile memory
  // planning and sync insertion.
  ascend::registerTransformsPasses();
  ascend::registerFusionPasses();
  ascend::registerLayoutPasses();
  ascend::registerNNToTilePasses();
  ascend::registerMemoryPasses();
  ascend::registerSyncPasses();
  ascend::registerNNToTilePasses();
  ascend::registerTileToISAPasses();
}
