//===- ascend-translate.cpp - Translations into and out of our IR ---------===//
//
// mlir-translate for ascend-compiler: `--import-onnx FILE
// [--input-shape NAME:D0,D1,...]...` reads an ONNX model and prints nn IR.
//
//===----------------------------------------------------------------------===//

#include "ascend/Import/OnnxImporter.h"

#include "mlir/Support/LogicalResult.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  ascend::registerImportOnnxTranslation();
  return mlir::failed(mlir::mlirTranslateMain(
             argc, argv, "ascend-compiler translation tool"))
             ? 1
             : 0;
}
