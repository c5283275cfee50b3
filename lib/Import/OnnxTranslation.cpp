//===- OnnxTranslation.cpp - The --import-onnx translation ----------------===//

#include "ascend/Import/OnnxImporter.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

void ascend::registerImportOnnxTranslation() {
  static llvm::cl::list<std::string> inputShapes(
      "input-shape",
      llvm::cl::desc("Static shape of a graph input for --import-onnx, as "
                     "NAME:D0,D1,... (repeatable)"),
      llvm::cl::value_desc("NAME:D0,D1,..."));
  // A file-to-file translation rather than a to-MLIR one, so that the model
  // is parsed from disk (the tool's copy of the input stays unread) and the
  // output is printed with streamed blobs.
  static TranslateRegistration registration(
      "import-onnx", "Import an ONNX model (binary or textual) into nn IR",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr, raw_ostream &os,
         MLIRContext *context) -> LogicalResult {
        const llvm::MemoryBuffer *buffer =
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
        StringRef path = buffer->getBufferIdentifier();
        OnnxImportOptions options;
        for (const std::string &spec : inputShapes) {
          InputShape shape;
          std::string error;
          if (!parseInputShape(spec, shape, error))
            return emitError(FileLineColLoc::get(context, path, 0, 0)) << error;
          options.inputShapes.push_back(std::move(shape));
        }
        // Split chunks and stdin have no file of their own.
        uint64_t fileSize = 0;
        bool isFile = llvm::sys::fs::is_regular_file(path) &&
                      !llvm::sys::fs::file_size(path, fileSize) &&
                      fileSize == buffer->getBufferSize();
        OwningOpRef<ModuleOp> module =
            isFile
                ? importOnnxFile(path, context, options)
                : importOnnxModel(buffer->getBuffer(), path, context, options);
        if (!module)
          return failure();
        printModuleStreamingBlobs(*module, os);
        return success();
      });
}
