//===- ascend-translate.cpp - Translations in and out of our dialects -----===//

#include "ascend/Target/PlanTranslation.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  ascend::registerPlanTranslations();
  return mlir::failed(mlir::mlirTranslateMain(
             argc, argv, "ascend-compiler translation driver\n"))
             ? 1
             : 0;
}
