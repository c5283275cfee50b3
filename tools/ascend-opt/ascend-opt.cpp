//===- ascend-opt.cpp - Run ascend-compiler passes on MLIR files ----------===//

#include "ascend/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  ascend::registerAllDialects(registry);
  ascend::registerAllPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "ascend-compiler optimizer driver\n", registry));
}
