"""Document → facts. One module per fact family; `pipeline.extract` composes them."""
