//===- ISAScalarOps.td - Scalar unit instructions ----------------*- tablegen -*-===//

#ifndef ASCEND_ISA_SCALAROPS
#define ASCEND_ISA_SCALAROPS

include "isa/ISABase.td"

//===----------------------------------------------------------------------===//
// Scalar
//===----------------------------------------------------------------------===//

def ISA_LoadImmOp : ISA_PipeOp<"li", "S"> {
  let summary = "Load an immediate into a scalar register";
  let description = [{
    `dst = imm`, a signed 64-bit value.

    ```mlir
    isa.li r1, 4096
    ```
  }];
  let arguments = (ins ISA_Reg:$dst, I64Attr:$imm);
  let assemblyFormat = "custom<Reg>($dst) `,` $imm attr-dict";
}

class ISA_ScalarBinaryOp<string mnemonic, string formula>
    : ISA_PipeOp<mnemonic, "S"> {
  let summary = "Scalar " # formula;
  let description = "`dst = " # formula # "` on signed 64-bit registers.";
  let arguments = (ins ISA_Reg:$dst, ISA_Reg:$lhs, ISA_Reg:$rhs);
  let assemblyFormat = [{
    custom<Reg>($dst) `,` custom<Reg>($lhs) `,` custom<Reg>($rhs) attr-dict
  }];
}

def ISA_ScalarAddOp : ISA_ScalarBinaryOp<"sadd", "lhs + rhs">;
def ISA_ScalarSubOp : ISA_ScalarBinaryOp<"ssub", "lhs - rhs">;
def ISA_ScalarMulOp : ISA_ScalarBinaryOp<"smul", "lhs * rhs">;
def ISA_ScalarDivOp : ISA_ScalarBinaryOp<"sdiv", "lhs / rhs (rounded toward zero)">;
def ISA_ScalarMinOp : ISA_ScalarBinaryOp<"smin", "min(lhs, rhs)">;
def ISA_ScalarMaxOp : ISA_ScalarBinaryOp<"smax", "max(lhs, rhs)">;

class ISA_ScalarImmOp<string mnemonic, string formula>
    : ISA_PipeOp<mnemonic, "S"> {
  let summary = "Scalar " # formula # " with an immediate";
  let description = "`dst = " # formula # "` on signed 64-bit registers.";
  let arguments = (ins ISA_Reg:$dst, ISA_Reg:$src, I64Attr:$imm);
  let assemblyFormat = [{
    custom<Reg>($dst) `,` custom<Reg>($src) `,` $imm attr-dict
  }];
}

def ISA_ScalarAddImmOp : ISA_ScalarImmOp<"saddi", "src + imm">;
def ISA_ScalarMulImmOp : ISA_ScalarImmOp<"smuli", "src * imm">;

def ISA_GetBlockIdxOp : ISA_PipeOp<"get_block_idx", "S"> {
  let summary = "Read the index of the block this core runs";
  let description = [{
    `dst = block index` in [0, block_dim): the SPMD coordinate that lets one
    kernel program work on a different slice of the data on every core.

    ```mlir
    isa.get_block_idx r0
    ```
  }];
  let arguments = (ins ISA_Reg:$dst);
  let assemblyFormat = "custom<Reg>($dst) attr-dict";
}

def ISA_GetBlockNumOp : ISA_PipeOp<"get_block_num", "S"> {
  let summary = "Read the kernel's block_dim";
  let description = "`dst = block_dim` of the running kernel.";
  let arguments = (ins ISA_Reg:$dst);
  let assemblyFormat = "custom<Reg>($dst) attr-dict";
}

#endif // ASCEND_ISA_SCALAROPS
