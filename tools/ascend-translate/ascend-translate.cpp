//===- ascend-translate.cpp - Translations into and out of our IR ---------===//
//
// mlir-translate for ascend-compiler: `--import-onnx FILE
// [--input-shape NAME:D0,D1,...]...` reads an ONNX model and prints nn IR;
// `--isa-to-plan` / `--plan-to-isa` convert between an isa.plan and the
// binary plan format.
//
//===----------------------------------------------------------------------===//

#include "ascend/Import/OnnxImporter.h"
#include "ascend/Target/PlanTranslation.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  ascend::registerImportOnnxTranslation();
  ascend::registerPlanTranslations();
  return mlir::failed(mlir::mlirTranslateMain(
             argc, argv, "ascend-compiler translation driver\n"))
             ? 1
             : 0;
}
