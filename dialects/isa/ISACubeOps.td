//===- ISACubeOps.td - Cube unit instructions --------------------*- tablegen -*-===//

#ifndef ASCEND_ISA_CUBEOPS
#define ASCEND_ISA_CUBEOPS

include "isa/ISABase.td"

//===----------------------------------------------------------------------===//
// Cube
//===----------------------------------------------------------------------===//

def ISA_MmadOp : ISA_PipeOp<"mmad", "M"> {
  let summary = "Cube matrix multiply-accumulate";
  let description = [{
    `c[m, n] (+)= sum_k a[m, k] * b[k, n]` with `a` in L0A (ZZ fractals), `b`
    in L0B (ZN fractals) and `c` in L0C (NZ fractals, fp32). `dtype` is the
    operand type: f16 (16 x 16 fractals) or f32, the cube's fp32 mode with
    16 x 8 fractals (K0 = 8). With `init`, `c[0:m, 0:n]` is overwritten,
    otherwise accumulated into. Cost: ceil(m/16) * ceil(k/K0) * ceil(n/16)
    fractal products at the preset's cycles per fractal for the type, plus
    the cube latency.

    ```mlir
    isa.mmad l0c[r3], l0a[r1], l0b[r2], m 64, k 128, n 32, f16 init
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$c, ISA_AddressAttr:$a,
                   ISA_AddressAttr:$b,
                   ISA_Count:$m,
                   ISA_Count:$k,
                   ISA_Count:$n,
                   ISA_DType:$dtype, UnitAttr:$init);
  let assemblyFormat = [{
    custom<Address>($c) `,` custom<Address>($a) `,` custom<Address>($b) `,`
    `m` $m `,` `k` $k `,` `n` $n `,` $dtype (`init` $init^)? attr-dict
  }];
  let hasVerifier = 1;
}

#endif // ASCEND_ISA_CUBEOPS
