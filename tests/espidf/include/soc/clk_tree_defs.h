/* soc/clk_tree_defs.h - checked against ESP-IDF v5.3 and v6.0,
 * components/soc/esp32p4/include/soc/clk_tree_defs.h: the CPU clock's
 * module id only (the enum has many more members). */
#pragma once
typedef enum {
    SOC_MOD_CLK_CPU = 1,
} soc_module_clk_t;
