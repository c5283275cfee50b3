//===- PlanTranslation.h - Plan translations for mlir-translate -*- C++ -*-===//

#ifndef ASCEND_TARGET_PLANTRANSLATION_H
#define ASCEND_TARGET_PLANTRANSLATION_H

namespace ascend {
/// Registers `--isa-to-plan` (isa.plan MLIR -> binary plan) and
/// `--plan-to-isa` (binary plan -> isa.plan MLIR) with mlir-translate.
void registerPlanTranslations();
} // namespace ascend

#endif // ASCEND_TARGET_PLANTRANSLATION_H
