//===- ISAMemoryOps.td - Data movement instructions --------------*- tablegen -*-===//

#ifndef ASCEND_ISA_MEMORYOPS
#define ASCEND_ISA_MEMORYOPS

include "isa/ISABase.td"

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def ISA_CopyOp : ISA_Instruction<"copy",
    [DeclareOpInterfaceMethods<Ascend_PipeOpInterface>]> {
  let summary = "Strided burst copy between global memory and L1/UB";
  let description = [{
    Copies `nburst` bursts of `len` 32-byte blocks from `src` to `dst`. After
    each burst the source skips `src_gap` blocks and the destination
    `dst_gap` blocks. gm -> l1/ub runs on MTE2, ub -> gm/l1 on MTE3.

    ```mlir
    isa.copy ub[r1], gm[r2 + 4096], nburst 16, len 2, src_gap 6, dst_gap 0
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_Count:$nburst,
                   ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<65535>]>:$len,
                   ISA_U16:$src_gap,
                   ISA_U16:$dst_gap);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` `nburst` $nburst `,`
    `len` $len `,` `src_gap` $src_gap `,` `dst_gap` $dst_gap attr-dict
  }];
  let hasVerifier = 1;
}

// DataCopyPad: rows whose length or global-memory stride is not a whole
// number of 32-byte blocks (odd-sized rows of softmax, reductions and
// broadcasts) move between gm and 32-byte aligned ub rows.
def ISA_CopyPadOp : ISA_Instruction<"copy_pad",
    [DeclareOpInterfaceMethods<Ascend_PipeOpInterface>]> {
  let summary = "Byte-exact row copy between global memory and UB";
  let description = [{
    Copies `nburst` rows of `len` bytes. On the gm side rows are `len +
    gap` bytes apart (any byte address); on the ub side each row starts at
    a 32-byte block and rows are `ceil(len / 32) + gap` blocks apart.
    gm -> ub (MTE2) fills the rest of a row's last block with zeros; ub ->
    gm (MTE3) writes exactly `len` bytes per row. Models the Da Vinci
    `DataCopyPad` (`copy_gm_to_ubuf_align`, `copy_ubuf_to_gm_align`).

    ```mlir
    isa.copy_pad ub[r1], gm[r2 + 12], nburst 3, len 20, src_gap 0, dst_gap 0
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_Count:$nburst,
                   ConfinedAttr<I32Attr, [IntMinValue<1>, IntMaxValue<65535>]>:$len,
                   ConfinedAttr<I32Attr, [IntMinValue<0>]>:$src_gap,
                   ConfinedAttr<I32Attr, [IntMinValue<0>]>:$dst_gap);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` `nburst` $nburst `,`
    `len` $len `,` `src_gap` $src_gap `,` `dst_gap` $dst_gap attr-dict
  }];
  let hasVerifier = 1;
}

def ISA_Load2dOp : ISA_PipeOp<"load2d", "MTE1"> {
  let summary = "Copy fractals from L1 to L0A/L0B";
  let description = [{
    Copies `count` fractals of 512 bytes (16 x 16 f16 or 16 x 8 f32). Fractal
    i is read at `src + i * src_stride * 512` and written at `dst + i * 512`.
    With `transpose` each 16 x 16 f16 fractal is transposed on the way, which
    turns a ZZ-ordered [K, N] operand into the ZN order the cube reads from
    L0B. For f32, `transpose` works on pairs of fractals: step i reads a
    16 x 16 f32 matrix S (1024 bytes, row-major) at
    `src + i * src_stride * 512` and writes 1024 bytes at `dst + i * 1024`:
    two 16 x 8 fractals F_h[c][r] = S[8h + r][c], h = 0, 1.

    ```mlir
    isa.load2d l0b[r1], l1[r2], count 4, src_stride 1, f16 transpose
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_Count:$count, ISA_U16:$src_stride, ISA_DType:$dtype,
                   UnitAttr:$transpose);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` `count` $count `,`
    `src_stride` $src_stride `,` $dtype (`transpose` $transpose^)? attr-dict
  }];
  let hasVerifier = 1;
}

def ISA_Load3dOp : ISA_PipeOp<"load3d", "MTE1"> {
  let summary = "img2col: expand a feature map in L1 into cube fractals";
  let description = [{
    Reads a feature map of `c1` channel groups, each [h, w, C0] (NC1HWC0
    without N; C0 = 32 bytes / element size), from L1 and writes part of its
    img2col matrix to L0A (or L0B) as ZZ fractals of 16 rows x C0 columns.

    Row m of the matrix is output pixel (m / OW, m % OW) with
    OH = (h + pad_t + pad_b - dil_h * (kh - 1) - 1) / stride_h + 1 and OW
    likewise; rows at or past OH * OW are zero. Fractal column k1 is the
    channel group and kernel tap ((c1i * kh) + i) * kw + j. Element (m, k1, c0)
    is input pixel (oh * stride_h - pad_t + i * dil_h, ow * stride_w - pad_l
    + j * dil_w) of group c1i, channel c0, or zero in the padding.

    The instruction writes rows [m_start, m_start + 16 * m1_count) and
    fractal columns [k1_start, k1_start + k1_count): fractal (a, b) of that
    window goes to `dst + (a * k1_count + b) * 512`.

    ```mlir
    isa.load3d l0a[r1], l1[r2], fmap[8, 8, 1], kernel[3, 3], stride[1, 1],
        pad[1, 1, 1, 1], dilation[1, 1], m[0, 4], k[0, 9], f16
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_Count:$h, ISA_Count:$w, ISA_Count:$c1,
                   ISA_U8:$kh, ISA_U8:$kw, ISA_U8:$stride_h, ISA_U8:$stride_w,
                   ISA_U8:$pad_t, ISA_U8:$pad_b, ISA_U8:$pad_l, ISA_U8:$pad_r,
                   ISA_U8:$dil_h, ISA_U8:$dil_w,
                   ISA_U16:$m_start, ISA_Count:$m1_count,
                   ISA_U16:$k1_start, ISA_Count:$k1_count, ISA_DType:$dtype);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,`
    `fmap` `[` $h `,` $w `,` $c1 `]` `,` `kernel` `[` $kh `,` $kw `]` `,`
    `stride` `[` $stride_h `,` $stride_w `]` `,`
    `pad` `[` $pad_t `,` $pad_b `,` $pad_l `,` $pad_r `]` `,`
    `dilation` `[` $dil_h `,` $dil_w `]` `,`
    `m` `[` $m_start `,` $m1_count `]` `,` `k` `[` $k1_start `,` $k1_count `]`
    `,` $dtype attr-dict
  }];
  let hasVerifier = 1;
}

def ISA_MoveL0CToUBOp : ISA_PipeOp<"l0c_to_ub", "V"> {
  let summary = "Move cube results from L0C to UB, with cast and relu";
  let description = [{
    Copies `count` 16 x 16 fp32 fractals from L0C to consecutive fractals in
    UB, converting each element to `dtype` (f32, or f16 rounded to nearest
    even) and, with `relu`, clamping negatives to zero. The NZ order of the
    fractals is kept.

    ```mlir
    isa.l0c_to_ub ub[r1], l0c[r2], count 4, f16 relu
    ```
  }];
  let arguments = (ins ISA_AddressAttr:$dst, ISA_AddressAttr:$src,
                   ISA_Count:$count, ISA_DType:$dtype, UnitAttr:$relu);
  let assemblyFormat = [{
    custom<Address>($dst) `,` custom<Address>($src) `,` `count` $count `,`
    $dtype (`relu` $relu^)? attr-dict
  }];
  let hasVerifier = 1;
}

#endif // ASCEND_ISA_MEMORYOPS
