//===- ISAProgramOps.td - Plans, kernels and loops -----------*- tablegen -*-===//

#ifndef ASCEND_ISA_PROGRAMOPS
#define ASCEND_ISA_PROGRAMOPS

include "isa/ISABase.td"
include "isa/ISAEnums.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/RegionKindInterface.td"

def ISA_PlanOp : ISA_Op<"plan", [SymbolTable, IsolatedFromAbove, SingleBlock,
                                 NoTerminator, NoRegionArguments]> {
  let summary = "An execution plan: global memory, tensors, constants, kernels";
  let description = [{
    Everything the emulator runs: the machine preset, the size of global
    memory, where each graph input and output lives (`isa.tensor`), the
    constant data preloaded into global memory (`isa.constant`) and the
    kernels (`isa.kernel`), launched one after another in order.

    ```mlir
    isa.plan "ascend910" gm_size 8192 {
      isa.tensor "x" input tensor<4x16xf16> at 0
      isa.tensor "y" output tensor<4x16xf16> at 4096
      isa.kernel @copy block_dim 1 { ... }
    }
    ```
  }];
  let arguments = (ins StrAttr:$target,
                   ConfinedAttr<I64Attr, [IntPositive]>:$gm_size);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$target `gm_size` $gm_size attr-dict-with-keyword $body";
  let hasRegionVerifier = 1;
}

def ISA_TensorOp : ISA_Op<"tensor", [HasParent<"PlanOp">]> {
  let summary = "A graph input or output in global memory";
  let description = [{
    Graph tensor `name` of type `type` lives at byte `offset` of global
    memory, densely packed in row-major order. Inputs are written there before
    the first kernel; outputs are read after the last. Each tensor owns a
    32-byte aligned slot rounded up to a multiple of 32 bytes; the runtime
    zero-fills an input slot's padding, so kernels may copy whole 32-byte
    blocks.
  }];
  let arguments = (ins StrAttr:$name, ISA_TensorKind:$kind,
                   TypeAttrOf<AnyStaticShapeTensor>:$type,
                   ConfinedAttr<I64Attr, [IntNonNegative]>:$offset);
  let assemblyFormat = "$name $kind $type `at` $offset attr-dict";
  let extraClassDeclaration = [{
    /// Size in bytes of the tensor's data.
    int64_t getSizeInBytes();
  }];
}

def ISA_ConstantOp : ISA_Op<"constant", [HasParent<"PlanOp">]> {
  let summary = "Constant data preloaded into global memory";
  let description = [{
    `value` (weights, in the layout the kernels read) is copied to byte
    `offset` of global memory before the first kernel runs.

    ```mlir
    isa.constant at 4096 dense<1.0> : tensor<16x16xf16>
    ```
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntNonNegative]>:$offset,
                   ElementsAttr:$value);
  let assemblyFormat = "`at` $offset $value attr-dict";
  let extraClassDeclaration = [{
    int64_t getSizeInBytes();
  }];
}

def ISA_KernelOp : ISA_Op<"kernel", [Symbol, HasParent<"PlanOp">,
    IsolatedFromAbove, SingleBlock, NoTerminator, NoRegionArguments]> {
  let summary = "A kernel program launched on block_dim cores";
  let description = [{
    The program every block runs; `isa.get_block_idx` tells blocks apart.
    Blocks are spread over the preset's cores, `block_dim` at most 65535.
    Registers start at zero, flags cleared, on-chip buffers undefined.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                   ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<65535>]>:$block_dim);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name `block_dim` $block_dim attr-dict-with-keyword $body";
}

def ISA_LoopOp : ISA_PipeOp<"loop", "S", [SingleBlock, NoTerminator,
    NoRegionArguments]> {
  let summary = "Counted loop run by the scalar unit";
  let description = [{
    Runs the body as many times as register `count` holds when the loop is
    entered (zero times if it is not positive). The body updates addresses
    itself, typically with `isa.saddi`.

    ```mlir
    isa.li r4, 8
    isa.loop r4 {
      isa.copy ub[r1], gm[r2], nburst 1, len 8, src_gap 0, dst_gap 0
      isa.saddi r2, r2, 256
    }
    ```
  }];
  let arguments = (ins ISA_Reg:$count);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "custom<Reg>($count) attr-dict-with-keyword $body";
}

#endif // ASCEND_ISA_PROGRAMOPS
