// A small plan that the error tests corrupt; values are chosen to be unique
// in the encoded file so that patch-plan.py finds them.
isa.plan "ascend910" gm_size 12288 {
  isa.tensor "x" input tensor<4x16xf16> at 0 loc("x_loc")
  isa.constant at 8192 dense<[1.0, 2.0]> : tensor<2xf32>
  isa.kernel @first block_dim 2 {
    isa.barrier v
  }
  isa.kernel @main block_dim 1 {
    isa.li r1, 0
    isa.loop r1 {
      isa.copy ub[r1 + 4160], gm[r2 + 4097], nburst 1234, len 2, src_gap 6, dst_gap 0 loc("conv1(Conv)")
    }
    isa.barrier mte2 loc("small.onnx":3:7)
  }
}
