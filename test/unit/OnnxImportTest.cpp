//===- OnnxImportTest.cpp - The importer as a library call ----------------===//

#include "ascend/Import/OnnxImporter.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace ascend;

namespace {

constexpr const char *kModel = R"(
<ir_version: 8, opset_import: ["" : 13]>
g (float[N, 4] X) => (float[N, 4] Y)
<float[4] B = {1.0, 2.0, 3.0, 4.0}>
{
  S = Add(X, B)
  Y = Relu(S)
}
)";

TEST(OnnxImportTest, ImportsTextWithInputShape) {
  MLIRContext context;
  OnnxImportOptions options;
  InputShape shape;
  std::string error;
  ASSERT_TRUE(parseInputShape("X:3,4", shape, error)) << error;
  options.inputShapes.push_back(shape);
  OwningOpRef<ModuleOp> module =
      importOnnxModel(kModel, "model.onnxtxt", &context, options);
  ASSERT_TRUE(module);
  auto main = module->lookupSymbol<func::FuncOp>("main");
  ASSERT_TRUE(main);
  EXPECT_EQ(main.getArgumentTypes()[0],
            RankedTensorType::get({3, 4}, Float32Type::get(&context)));
  EXPECT_EQ(main.getArgAttrOfType<StringAttr>(0, "nn.name").getValue(), "X");
  EXPECT_EQ(main.getResultAttrOfType<StringAttr>(0, "nn.name").getValue(), "Y");
  int adds = 0, relus = 0;
  main.walk([&](Operation *op) {
    adds += isa<nn::AddOp>(op);
    relus += isa<nn::ReluOp>(op);
  });
  EXPECT_EQ(adds, 1);
  EXPECT_EQ(relus, 1);
}

TEST(OnnxImportTest, ReportsDynamicInputThroughDiagnostics) {
  MLIRContext context;
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  OwningOpRef<ModuleOp> module =
      importOnnxModel(kModel, "model.onnxtxt", &context, {});
  EXPECT_FALSE(module);
  EXPECT_EQ(message, "input 'X' has dynamic dimension 0 ('N'); pass its size "
                     "with --input-shape X:<N>,4");
}

TEST(OnnxImportTest, ParsesInputShapes) {
  InputShape shape;
  std::string error;
  EXPECT_TRUE(parseInputShape("images:1,3,224,224", shape, error));
  EXPECT_EQ(shape.name, "images");
  EXPECT_EQ(shape.dims, (SmallVector<int64_t>{1, 3, 224, 224}));
  // Names may contain colons: the last one separates the dimensions.
  EXPECT_TRUE(parseInputShape("scope:x:2", shape, error));
  EXPECT_EQ(shape.name, "scope:x");
  EXPECT_TRUE(parseInputShape("scalar:", shape, error));
  EXPECT_TRUE(shape.dims.empty());
  EXPECT_FALSE(parseInputShape("x", shape, error));
  EXPECT_FALSE(parseInputShape("x:1,,2", shape, error));
  EXPECT_FALSE(parseInputShape("x:0", shape, error));
  EXPECT_FALSE(parseInputShape(":1", shape, error));
}

} // namespace
