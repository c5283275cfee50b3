//===- PipeOpInterface.cpp - Which pipe executes an op --------------------===//

#include "common/PipeOpInterface.h"

#include "common/PipeOpInterface.cpp.inc"
