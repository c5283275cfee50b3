//===- TestContext.h - MLIRContext with our dialects for tests --*- C++ -*-===//

#ifndef ASCEND_TEST_UNIT_TESTCONTEXT_H
#define ASCEND_TEST_UNIT_TESTCONTEXT_H

#include "ascend/InitAll.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

namespace ascend::test {

/// A context with every dialect ascend-opt knows, and a parser for snippets.
class DialectTest : public ::testing::Test {
protected:
  DialectTest() {
    mlir::DialectRegistry registry;
    registerAllDialects(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
  }

  /// Parses and verifies `source`; null when it does not verify.
  mlir::OwningOpRef<mlir::ModuleOp> parse(llvm::StringRef source) {
    return mlir::parseSourceString<mlir::ModuleOp>(source, &context);
  }

  mlir::MLIRContext context;
};

} // namespace ascend::test

#endif // ASCEND_TEST_UNIT_TESTCONTEXT_H
