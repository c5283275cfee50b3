//===- OnnxTranslation.cpp - The --import-onnx translation ----------------===//

#include "ascend/Import/OnnxImporter.h"
#include "nn/NNDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

void ascend::registerImportOnnxTranslation() {
  static llvm::cl::list<std::string> inputShapes(
      "input-shape",
      llvm::cl::desc("Static shape of a graph input for --import-onnx, as "
                     "NAME:D0,D1,... (repeatable)"),
      llvm::cl::value_desc("NAME:D0,D1,..."));
  static TranslateToMLIRRegistration registration(
      "import-onnx", "Import an ONNX model (binary or textual) into nn IR",
      [](llvm::SourceMgr &sourceMgr,
         MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        StringRef path = buffer->getBufferIdentifier();
        OnnxImportOptions options;
        for (const std::string &spec : inputShapes) {
          InputShape shape;
          std::string error;
          if (!parseInputShape(spec, shape, error)) {
            emitError(FileLineColLoc::get(context, path, 0, 0)) << error;
            return {};
          }
          options.inputShapes.push_back(std::move(shape));
        }
        return importOnnxModel(buffer->getBuffer(), path, context, options);
      },
      [](DialectRegistry &registry) {
        registry.insert<nn::NNDialect, func::FuncDialect>();
      });
}
