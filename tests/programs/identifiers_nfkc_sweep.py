# Identifiers with a character that NFKC changes (a sixth of all such
# identifier characters, generated from CPython's unicodedata): each is
# assigned under its written form and read back under its normalised one.
# Characters whose NFKC form has combining marks are left out: P4JIT
# refuses names that need composition or reordering (docs/language.md).
v0_ª = 170
print(hex(v0_a), 'v0_a')
v1_ŀ = 320
print(hex(v1_l·), 'v1_l·')
v2_Ǉ = 455
print(hex(v2_LJ), 'v2_LJ')
v3_Ǳ = 497
print(hex(v3_DZ), 'v3_DZ')
v4_ʳ = 691
print(hex(v4_r), 'v4_r')
v5_ˠ = 736
print(hex(v5_ɣ), 'v5_ɣ')
v6_· = 903
print(hex(v6_·), 'v6_·')
v7_ϕ = 981
print(hex(v7_φ), 'v7_φ')
v8_ϵ = 1013
print(hex(v8_ε), 'v8_ε')
v9_ٸ = 1656
print(hex(v9_يٴ), 'v9_يٴ')
v10_ཌྷ = 3917
print(hex(v10_ཌྷ), 'v10_ཌྷ')
v11_ྜྷ = 3997
print(hex(v11_ྜྷ), 'v11_ྜྷ')
v12_ᴬ = 7468
print(hex(v12_A), 'v12_A')
v13_ᴳ = 7475
print(hex(v13_G), 'v13_G')
v14_ᴹ = 7481
print(hex(v14_M), 'v14_M')
v15_ᵀ = 7488
print(hex(v15_T), 'v15_T')
v16_ᵆ = 7494
print(hex(v16_ᴂ), 'v16_ᴂ')
v17_ᵌ = 7500
print(hex(v17_ɜ), 'v17_ɜ')
v18_ᵓ = 7507
print(hex(v18_ɔ), 'v18_ɔ')
v19_ᵙ = 7513
print(hex(v19_ᴝ), 'v19_ᴝ')
v20_ᵟ = 7519
print(hex(v20_δ), 'v20_δ')
v21_ᵥ = 7525
print(hex(v21_v), 'v21_v')
v22_ᵸ = 7544
print(hex(v22_н), 'v22_н')
v23_ᶠ = 7584
print(hex(v23_f), 'v23_f')
v24_ᶦ = 7590
print(hex(v24_ɪ), 'v24_ɪ')
v25_ᶬ = 7596
print(hex(v25_ɱ), 'v25_ɱ')
v26_ᶲ = 7602
print(hex(v26_ɸ), 'v26_ɸ')
v27_ᶸ = 7608
print(hex(v27_ᴜ), 'v27_ᴜ')
v28_ᶾ = 7614
print(hex(v28_ʒ), 'v28_ʒ')
v29_ή = 8053
print(hex(v29_ή), 'v29_ή')
v30_ι = 8126
print(hex(v30_ι), 'v30_ι')
v31_Ύ = 8171
print(hex(v31_Ύ), 'v31_Ύ')
v32_ₑ = 8337
print(hex(v32_e), 'v32_e')
v33_ₗ = 8343
print(hex(v33_l), 'v33_l')
v34_ℂ = 8450
print(hex(v34_C), 'v34_C')
v35_ℎ = 8462
print(hex(v35_h), 'v35_h')
v36_ℕ = 8469
print(hex(v36_N), 'v36_N')
v37_ℤ = 8484
print(hex(v37_Z), 'v37_Z')
v38_ℭ = 8493
print(hex(v38_C), 'v38_C')
v39_ℵ = 8501
print(hex(v39_א), 'v39_א')
v40_ℽ = 8509
print(hex(v40_γ), 'v40_γ')
v41_ⅈ = 8520
print(hex(v41_i), 'v41_i')
v42_Ⅴ = 8548
print(hex(v42_V), 'v42_V')
v43_Ⅺ = 8554
print(hex(v43_XI), 'v43_XI')
v44_ⅰ = 8560
print(hex(v44_i), 'v44_i')
v45_ⅶ = 8566
print(hex(v45_vii), 'v45_vii')
v46_ⅼ = 8572
print(hex(v46_l), 'v46_l')
v47_ⵯ = 11631
print(hex(v47_ⵡ), 'v47_ⵡ')
v48_ㄱ = 12593
print(hex(v48_ᄀ), 'v48_ᄀ')
v49_ㄷ = 12599
print(hex(v49_ᄃ), 'v49_ᄃ')
v50_ㄽ = 12605
print(hex(v50_ᆳ), 'v50_ᆳ')
v51_ㅃ = 12611
print(hex(v51_ᄈ), 'v51_ᄈ')
v52_ㅉ = 12617
print(hex(v52_ᄍ), 'v52_ᄍ')
v53_ㅏ = 12623
print(hex(v53_ᅡ), 'v53_ᅡ')
v54_ㅕ = 12629
print(hex(v54_ᅧ), 'v54_ᅧ')
v55_ㅛ = 12635
print(hex(v55_ᅭ), 'v55_ᅭ')
v56_ㅡ = 12641
print(hex(v56_ᅳ), 'v56_ᅳ')
v57_ㅧ = 12647
print(hex(v57_ᇇ), 'v57_ᇇ')
v58_ㅭ = 12653
print(hex(v58_ᇙ), 'v58_ᇙ')
v59_ㅳ = 12659
print(hex(v59_ᄠ), 'v59_ᄠ')
v60_ㅹ = 12665
print(hex(v60_ᄬ), 'v60_ᄬ')
v61_ㅿ = 12671
print(hex(v61_ᅀ), 'v61_ᅀ')
v62_ㆅ = 12677
print(hex(v62_ᅘ), 'v62_ᅘ')
v63_ㆋ = 12683
print(hex(v63_ᆒ), 'v63_ᆒ')
v64_ꝰ = 42864
print(hex(v64_ꝯ), 'v64_ꝯ')
v65_ꭜ = 43868
print(hex(v65_ꜧ), 'v65_ꜧ')
v66_更 = 63745
print(hex(v66_更), 'v66_更')
v67_龜 = 63751
print(hex(v67_龜), 'v67_龜')
v68_懶 = 63757
print(hex(v68_懶), 'v68_懶')
v69_邏 = 63763
print(hex(v69_邏), 'v69_邏')
v70_酪 = 63769
print(hex(v70_酪), 'v70_酪')
v71_蘭 = 63775
print(hex(v71_蘭), 'v71_蘭')
v72_拉 = 63781
print(hex(v72_拉), 'v72_拉')
v73_狼 = 63787
print(hex(v73_狼), 'v73_狼')
v74_櫓 = 63793
print(hex(v74_櫓), 'v74_櫓')
v75_路 = 63799
print(hex(v75_路), 'v75_路')
v76_綠 = 63805
print(hex(v76_綠), 'v76_綠')
v77_弄 = 63811
print(hex(v77_弄), 'v77_弄')
v78_雷 = 63817
print(hex(v78_雷), 'v78_雷')
v79_累 = 63823
print(hex(v79_累), 'v79_累')
v80_凌 = 63829
print(hex(v80_凌), 'v80_凌')
v81_拏 = 63835
print(hex(v81_拏), 'v81_拏')
v82_率 = 63841
print(hex(v82_率), 'v82_率')
v83_不 = 63847
print(hex(v83_不), 'v83_不')
v84_省 = 63853
print(hex(v84_省), 'v84_省')
v85_拾 = 63859
print(hex(v85_拾), 'v85_拾')
v86_凉 = 63865
print(hex(v86_凉), 'v86_凉')
v87_勵 = 63871
print(hex(v87_勵), 'v87_勵')
v88_礪 = 63877
print(hex(v88_礪), 'v88_礪')
v89_曆 = 63883
print(hex(v89_曆), 'v89_曆')
v90_撚 = 63889
print(hex(v90_撚), 'v90_撚')
v91_聯 = 63895
print(hex(v91_聯), 'v91_聯')
v92_劣 = 63901
print(hex(v92_劣), 'v92_劣')
v93_念 = 63907
print(hex(v93_念), 'v93_念')
v94_囹 = 63913
print(hex(v94_囹), 'v94_囹')
v95_羚 = 63919
print(hex(v95_羚), 'v95_羚')
v96_例 = 63925
print(hex(v96_例), 'v96_例')
v97_僚 = 63931
print(hex(v97_僚), 'v97_僚')
v98_療 = 63937
print(hex(v98_療), 'v98_療')
v99_劉 = 63943
print(hex(v99_劉), 'v99_劉')
v100_留 = 63949
print(hex(v100_留), 'v100_留')
v101_陸 = 63955
print(hex(v101_陸), 'v101_陸')
v102_慄 = 63961
print(hex(v102_慄), 'v102_慄')
v103_履 = 63967
print(hex(v103_履), 'v103_履')
v104_痢 = 63973
print(hex(v104_痢), 'v104_痢')
v105_匿 = 63979
print(hex(v105_匿), 'v105_匿')
v106_隣 = 63985
print(hex(v106_隣), 'v106_隣')
v107_立 = 63991
print(hex(v107_立), 'v107_立')
v108_什 = 63997
print(hex(v108_什), 'v108_什')
v109_糖 = 64003
print(hex(v109_糖), 'v109_糖')
v110_降 = 64009
print(hex(v110_降), 'v110_降')
v111_晴 = 64018
print(hex(v111_晴), 'v111_晴')
v112_祥 = 64026
print(hex(v112_祥), 'v112_祥')
v113_諸 = 64034
print(hex(v113_諸), 'v113_諸')
v114_鶴 = 64045
print(hex(v114_鶴), 'v114_鶴')
v115_勉 = 64051
print(hex(v115_勉), 'v115_勉')
v116_塀 = 64057
print(hex(v116_塀), 'v116_塀')
v117_憎 = 64063
print(hex(v117_憎), 'v117_憎')
v118_海 = 64069
print(hex(v118_海), 'v118_海')
v119_碑 = 64075
print(hex(v119_碑), 'v119_碑')
v120_祝 = 64081
print(hex(v120_祝), 'v120_祝')
v121_練 = 64087
print(hex(v121_練), 'v121_練')
v122_艹 = 64093
print(hex(v122_艹), 'v122_艹')
v123_謹 = 64099
print(hex(v123_謹), 'v123_謹')
v124_響 = 64105
print(hex(v124_響), 'v124_響')
v125_况 = 64113
print(hex(v125_况), 'v125_况')
v126_勺 = 64119
print(hex(v126_勺), 'v126_勺')
v127_墳 = 64125
print(hex(v127_墳), 'v127_墳')
v128_廙 = 64131
print(hex(v128_廙), 'v128_廙')
v129_憎 = 64137
print(hex(v129_憎), 'v129_憎')
v130_摒 = 64143
print(hex(v130_摒), 'v130_摒')
v131_歹 = 64149
print(hex(v131_歹), 'v131_歹')
v132_瀞 = 64155
print(hex(v132_瀞), 'v132_瀞')
v133_瑱 = 64161
print(hex(v133_瑱), 'v133_瑱')
v134_盛 = 64167
print(hex(v134_盛), 'v134_盛')
v135_節 = 64173
print(hex(v135_節), 'v135_節')
v136_荒 = 64179
print(hex(v136_荒), 'v136_荒')
v137_調 = 64185
print(hex(v137_調), 'v137_調')
v138_謹 = 64191
print(hex(v138_謹), 'v138_謹')
v139_鉶 = 64197
print(hex(v139_鉶), 'v139_鉶')
v140_頋 = 64203
print(hex(v140_頋), 'v140_頋')
v141_𣏕 = 64209
print(hex(v141_𣏕), 'v141_𣏕')
v142_𧻓 = 64215
print(hex(v142_𧻓), 'v142_𧻓')
v143_ﬃ = 64259
print(hex(v143_ffi), 'v143_ffi')
v144_ﬕ = 64277
print(hex(v144_մի), 'v144_մի')
v145_ﬣ = 64291
print(hex(v145_ה), 'v145_ה')
v146_ﭏ = 64335
print(hex(v146_אל), 'v146_אל')
v147_ﭕ = 64341
print(hex(v147_ٻ), 'v147_ٻ')
v148_ﭛ = 64347
print(hex(v148_ڀ), 'v148_ڀ')
v149_ﭡ = 64353
print(hex(v149_ٺ), 'v149_ٺ')
v150_ﭧ = 64359
print(hex(v150_ٹ), 'v150_ٹ')
v151_ﭭ = 64365
print(hex(v151_ڤ), 'v151_ڤ')
v152_ﭳ = 64371
print(hex(v152_ڄ), 'v152_ڄ')
v153_ﭹ = 64377
print(hex(v153_ڃ), 'v153_ڃ')
v154_ﭿ = 64383
print(hex(v154_ڇ), 'v154_ڇ')
v155_ﮅ = 64389
print(hex(v155_ڌ), 'v155_ڌ')
v156_ﮋ = 64395
print(hex(v156_ژ), 'v156_ژ')
v157_ﮑ = 64401
print(hex(v157_ک), 'v157_ک')
v158_ﮗ = 64407
print(hex(v158_ڳ), 'v158_ڳ')
v159_ﮝ = 64413
print(hex(v159_ڱ), 'v159_ڱ')
v160_ﮣ = 64419
print(hex(v160_ڻ), 'v160_ڻ')
v161_ﮩ = 64425
print(hex(v161_ہ), 'v161_ہ')
v162_ﮯ = 64431
print(hex(v162_ے), 'v162_ے')
v163_ﯖ = 64470
print(hex(v163_ڭ), 'v163_ڭ')
v164_ﯜ = 64476
print(hex(v164_ۈ), 'v164_ۈ')
v165_ﯢ = 64482
print(hex(v165_ۉ), 'v165_ۉ')
v166_ﯨ = 64488
print(hex(v166_ى), 'v166_ى')
v167_ﯮ = 64494
print(hex(v167_ئو), 'v167_ئو')
v168_ﯴ = 64500
print(hex(v168_ئۈ), 'v168_ئۈ')
v169_ﯺ = 64506
print(hex(v169_ئى), 'v169_ئى')
v170_ﰀ = 64512
print(hex(v170_ئج), 'v170_ئج')
v171_ﰆ = 64518
print(hex(v171_بح), 'v171_بح')
v172_ﰌ = 64524
print(hex(v172_تح), 'v172_تح')
v173_ﰒ = 64530
print(hex(v173_ثم), 'v173_ثم')
v174_ﰘ = 64536
print(hex(v174_حم), 'v174_حم')
v175_ﰞ = 64542
print(hex(v175_سخ), 'v175_سخ')
v176_ﰤ = 64548
print(hex(v176_ضخ), 'v176_ضخ')
v177_ﰪ = 64554
print(hex(v177_عم), 'v177_عم')
v178_ﰰ = 64560
print(hex(v178_فم), 'v178_فم')
v179_ﰶ = 64566
print(hex(v179_قي), 'v179_قي')
v180_ﰼ = 64572
print(hex(v180_كم), 'v180_كم')
v181_ﱂ = 64578
print(hex(v181_لم), 'v181_لم')
v182_ﱈ = 64584
print(hex(v182_مم), 'v182_مم')
v183_ﱎ = 64590
print(hex(v183_نم), 'v183_نم')
v184_ﱔ = 64596
print(hex(v184_هي), 'v184_هي')
v185_ﱚ = 64602
print(hex(v185_يي), 'v185_يي')
v186_ﱩ = 64617
print(hex(v186_ئي), 'v186_ئي')
v187_ﱯ = 64623
print(hex(v187_بي), 'v187_بي')
v188_ﱵ = 64629
print(hex(v188_تي), 'v188_تي')
v189_ﱻ = 64635
print(hex(v189_ثي), 'v189_ثي')
v190_ﲁ = 64641
print(hex(v190_كل), 'v190_كل')
v191_ﲇ = 64647
print(hex(v191_لي), 'v191_لي')
v192_ﲍ = 64653
print(hex(v192_نن), 'v192_نن')
v193_ﲔ = 64660
print(hex(v193_ين), 'v193_ين')
v194_ﲚ = 64666
print(hex(v194_ئم), 'v194_ئم')
v195_ﲠ = 64672
print(hex(v195_به), 'v195_به')
v196_ﲦ = 64678
print(hex(v196_ثم), 'v196_ثم')
v197_ﲬ = 64684
print(hex(v197_خم), 'v197_خم')
v198_ﲲ = 64690
print(hex(v198_صخ), 'v198_صخ')
v199_ﲸ = 64696
print(hex(v199_طح), 'v199_طح')
v200_ﲾ = 64702
print(hex(v200_فج), 'v200_فج')
v201_ﳄ = 64708
print(hex(v201_كج), 'v201_كج')
v202_ﳊ = 64714
print(hex(v202_لح), 'v202_لح')
v203_ﳐ = 64720
print(hex(v203_مخ), 'v203_مخ')
v204_ﳖ = 64726
print(hex(v204_نه), 'v204_نه')
v205_ﳝ = 64733
print(hex(v205_يم), 'v205_يم')
v206_ﳣ = 64739
print(hex(v206_تم), 'v206_تم')
v207_ﳩ = 64745
print(hex(v207_شم), 'v207_شم')
v208_ﳯ = 64751
print(hex(v208_نه), 'v208_نه')
v209_ﳸ = 64760
print(hex(v209_عي), 'v209_عي')
v210_ﳾ = 64766
print(hex(v210_شي), 'v210_شي')
v211_ﴄ = 64772
print(hex(v211_خي), 'v211_خي')
v212_ﴊ = 64778
print(hex(v212_شح), 'v212_شح')
v213_ﴐ = 64784
print(hex(v213_ضر), 'v213_ضر')
v214_ﴖ = 64790
print(hex(v214_غي), 'v214_غي')
v215_ﴜ = 64796
print(hex(v215_حي), 'v215_حي')
v216_ﴢ = 64802
print(hex(v216_صي), 'v216_صي')
v217_ﴨ = 64808
print(hex(v217_شم), 'v217_شم')
v218_ﴮ = 64814
print(hex(v218_شح), 'v218_شح')
v219_ﴴ = 64820
print(hex(v219_سج), 'v219_سج')
v220_ﴺ = 64826
print(hex(v220_طم), 'v220_طم')
v221_ﵔ = 64852
print(hex(v221_تخم), 'v221_تخم')
v222_ﵚ = 64858
print(hex(v222_حمي), 'v222_حمي')
v223_ﵠ = 64864
print(hex(v223_سمح), 'v223_سمح')
v224_ﵦ = 64870
print(hex(v224_صمم), 'v224_صمم')
v225_ﵬ = 64876
print(hex(v225_شمم), 'v225_شمم')
v226_ﵲ = 64882
print(hex(v226_طمح), 'v226_طمح')
v227_ﵸ = 64888
print(hex(v227_عمى), 'v227_عمى')
v228_ﵾ = 64894
print(hex(v228_قمح), 'v228_قمح')
v229_ﶄ = 64900
print(hex(v229_لجج), 'v229_لجج')
v230_ﶊ = 64906
print(hex(v230_محم), 'v230_محم')
v231_ﶒ = 64914
print(hex(v231_مجخ), 'v231_مجخ')
v232_ﶘ = 64920
print(hex(v232_نجم), 'v232_نجم')
v233_ﶞ = 64926
print(hex(v233_بخي), 'v233_بخي')
v234_ﶤ = 64932
print(hex(v234_تمى), 'v234_تمى')
v235_ﶪ = 64938
print(hex(v235_شحي), 'v235_شحي')
v236_ﶰ = 64944
print(hex(v236_يمي), 'v236_يمي')
v237_ﶶ = 64950
print(hex(v237_عمي), 'v237_عمي')
v238_ﶼ = 64956
print(hex(v238_لجم), 'v238_لجم')
v239_ﷂ = 64962
print(hex(v239_بحي), 'v239_بحي')
v240_ﷰ = 65008
print(hex(v240_صلے), 'v240_صلے')
v241_ﷶ = 65014
print(hex(v241_رسول), 'v241_رسول')
v242_﹍ = 65101
print(hex(v242__), 'v242__')
v243_ﺃ = 65155
print(hex(v243_أ), 'v243_أ')
v244_ﺉ = 65161
print(hex(v244_ئ), 'v244_ئ')
v245_ﺏ = 65167
print(hex(v245_ب), 'v245_ب')
v246_ﺕ = 65173
print(hex(v246_ت), 'v246_ت')
v247_ﺛ = 65179
print(hex(v247_ث), 'v247_ث')
v248_ﺡ = 65185
print(hex(v248_ح), 'v248_ح')
v249_ﺧ = 65191
print(hex(v249_خ), 'v249_خ')
v250_ﺭ = 65197
print(hex(v250_ر), 'v250_ر')
v251_ﺳ = 65203
print(hex(v251_س), 'v251_س')
v252_ﺹ = 65209
print(hex(v252_ص), 'v252_ص')
v253_ﺿ = 65215
print(hex(v253_ض), 'v253_ض')
v254_ﻅ = 65221
print(hex(v254_ظ), 'v254_ظ')
v255_ﻋ = 65227
print(hex(v255_ع), 'v255_ع')
v256_ﻑ = 65233
print(hex(v256_ف), 'v256_ف')
v257_ﻗ = 65239
print(hex(v257_ق), 'v257_ق')
v258_ﻝ = 65245
print(hex(v258_ل), 'v258_ل')
v259_ﻣ = 65251
print(hex(v259_م), 'v259_م')
v260_ﻩ = 65257
print(hex(v260_ه), 'v260_ه')
v261_ﻯ = 65263
print(hex(v261_ى), 'v261_ى')
v262_ﻵ = 65269
print(hex(v262_لآ), 'v262_لآ')
v263_ﻻ = 65275
print(hex(v263_لا), 'v263_لا')
v264_４ = 65300
print(hex(v264_4), 'v264_4')
v265_Ａ = 65313
print(hex(v265_A), 'v265_A')
v266_Ｇ = 65319
print(hex(v266_G), 'v266_G')
v267_Ｍ = 65325
print(hex(v267_M), 'v267_M')
v268_Ｓ = 65331
print(hex(v268_S), 'v268_S')
v269_Ｙ = 65337
print(hex(v269_Y), 'v269_Y')
v270_ｄ = 65348
print(hex(v270_d), 'v270_d')
v271_ｊ = 65354
print(hex(v271_j), 'v271_j')
v272_ｐ = 65360
print(hex(v272_p), 'v272_p')
v273_ｖ = 65366
print(hex(v273_v), 'v273_v')
v274_ｧ = 65383
print(hex(v274_ァ), 'v274_ァ')
v275_ｭ = 65389
print(hex(v275_ュ), 'v275_ュ')
v276_ｳ = 65395
print(hex(v276_ウ), 'v276_ウ')
v277_ｹ = 65401
print(hex(v277_ケ), 'v277_ケ')
v278_ｿ = 65407
print(hex(v278_ソ), 'v278_ソ')
v279_ﾅ = 65413
print(hex(v279_ナ), 'v279_ナ')
v280_ﾋ = 65419
print(hex(v280_ヒ), 'v280_ヒ')
v281_ﾑ = 65425
print(hex(v281_ム), 'v281_ム')
v282_ﾗ = 65431
print(hex(v282_ラ), 'v282_ラ')
v283_ﾝ = 65437
print(hex(v283_ン), 'v283_ン')
v284_ﾥ = 65445
print(hex(v284_ᆬ), 'v284_ᆬ')
v285_ﾫ = 65451
print(hex(v285_ᆱ), 'v285_ᆱ')
v286_ﾱ = 65457
print(hex(v286_ᄆ), 'v286_ᄆ')
v287_ﾷ = 65463
print(hex(v287_ᄋ), 'v287_ᄋ')
v288_ﾽ = 65469
print(hex(v288_ᄑ), 'v288_ᄑ')
v289_ￆ = 65478
print(hex(v289_ᅥ), 'v289_ᅥ')
v290_ￎ = 65486
print(hex(v290_ᅫ), 'v290_ᅫ')
v291_ￖ = 65494
print(hex(v291_ᅱ), 'v291_ᅱ')
v292_𐞂 = 67458
print(hex(v292_ˑ), 'v292_ˑ')
v293_𐞉 = 67465
print(hex(v293_ʥ), 'v293_ʥ')
v294_𐞏 = 67471
print(hex(v294_ɞ), 'v294_ɞ')
v295_𐞕 = 67477
print(hex(v295_ħ), 'v295_ħ')
v296_𐞛 = 67483
print(hex(v296_ɬ), 'v296_ɬ')
v297_𐞡 = 67489
print(hex(v297_𝼆), 'v297_𝼆')
v298_𐞧 = 67495
print(hex(v298_𝼈), 'v298_𝼈')
v299_𐞭 = 67501
print(hex(v299_ꭧ), 'v299_ꭧ')
v300_𐞴 = 67508
print(hex(v300_ʢ), 'v300_ʢ')
v301_𐞺 = 67514
print(hex(v301_𝼞), 'v301_𝼞')
v302_𝐅 = 119813
print(hex(v302_F), 'v302_F')
v303_𝐋 = 119819
print(hex(v303_L), 'v303_L')
v304_𝐑 = 119825
print(hex(v304_R), 'v304_R')
v305_𝐗 = 119831
print(hex(v305_X), 'v305_X')
v306_𝐝 = 119837
print(hex(v306_d), 'v306_d')
v307_𝐣 = 119843
print(hex(v307_j), 'v307_j')
v308_𝐩 = 119849
print(hex(v308_p), 'v308_p')
v309_𝐯 = 119855
print(hex(v309_v), 'v309_v')
v310_𝐵 = 119861
print(hex(v310_B), 'v310_B')
v311_𝐻 = 119867
print(hex(v311_H), 'v311_H')
v312_𝑁 = 119873
print(hex(v312_N), 'v312_N')
v313_𝑇 = 119879
print(hex(v313_T), 'v313_T')
v314_𝑍 = 119885
print(hex(v314_Z), 'v314_Z')
v315_𝑓 = 119891
print(hex(v315_f), 'v315_f')
v316_𝑚 = 119898
print(hex(v316_m), 'v316_m')
v317_𝑠 = 119904
print(hex(v317_s), 'v317_s')
v318_𝑦 = 119910
print(hex(v318_y), 'v318_y')
v319_𝑬 = 119916
print(hex(v319_E), 'v319_E')
v320_𝑲 = 119922
print(hex(v320_K), 'v320_K')
v321_𝑸 = 119928
print(hex(v321_Q), 'v321_Q')
v322_𝑾 = 119934
print(hex(v322_W), 'v322_W')
v323_𝒄 = 119940
print(hex(v323_c), 'v323_c')
v324_𝒊 = 119946
print(hex(v324_i), 'v324_i')
v325_𝒐 = 119952
print(hex(v325_o), 'v325_o')
v326_𝒖 = 119958
print(hex(v326_u), 'v326_u')
v327_𝒜 = 119964
print(hex(v327_A), 'v327_A')
v328_𝒩 = 119977
print(hex(v328_N), 'v328_N')
v329_𝒰 = 119984
print(hex(v329_U), 'v329_U')
v330_𝒶 = 119990
print(hex(v330_a), 'v330_a')
v331_𝒾 = 119998
print(hex(v331_i), 'v331_i')
v332_𝓅 = 120005
print(hex(v332_p), 'v332_p')
v333_𝓋 = 120011
print(hex(v333_v), 'v333_v')
v334_𝓑 = 120017
print(hex(v334_B), 'v334_B')
v335_𝓗 = 120023
print(hex(v335_H), 'v335_H')
v336_𝓝 = 120029
print(hex(v336_N), 'v336_N')
v337_𝓣 = 120035
print(hex(v337_T), 'v337_T')
v338_𝓩 = 120041
print(hex(v338_Z), 'v338_Z')
v339_𝓯 = 120047
print(hex(v339_f), 'v339_f')
v340_𝓵 = 120053
print(hex(v340_l), 'v340_l')
v341_𝓻 = 120059
print(hex(v341_r), 'v341_r')
v342_𝔁 = 120065
print(hex(v342_x), 'v342_x')
v343_𝔈 = 120072
print(hex(v343_E), 'v343_E')
v344_𝔐 = 120080
print(hex(v344_M), 'v344_M')
v345_𝔗 = 120087
print(hex(v345_T), 'v345_T')
v346_𝔞 = 120094
print(hex(v346_a), 'v346_a')
v347_𝔤 = 120100
print(hex(v347_g), 'v347_g')
v348_𝔪 = 120106
print(hex(v348_m), 'v348_m')
v349_𝔰 = 120112
print(hex(v349_s), 'v349_s')
v350_𝔶 = 120118
print(hex(v350_y), 'v350_y')
v351_𝔽 = 120125
print(hex(v351_F), 'v351_F')
v352_𝕄 = 120132
print(hex(v352_M), 'v352_M')
v353_𝕎 = 120142
print(hex(v353_W), 'v353_W')
v354_𝕕 = 120149
print(hex(v354_d), 'v354_d')
v355_𝕛 = 120155
print(hex(v355_j), 'v355_j')
v356_𝕡 = 120161
print(hex(v356_p), 'v356_p')
v357_𝕧 = 120167
print(hex(v357_v), 'v357_v')
v358_𝕭 = 120173
print(hex(v358_B), 'v358_B')
v359_𝕳 = 120179
print(hex(v359_H), 'v359_H')
v360_𝕹 = 120185
print(hex(v360_N), 'v360_N')
v361_𝕿 = 120191
print(hex(v361_T), 'v361_T')
v362_𝖅 = 120197
print(hex(v362_Z), 'v362_Z')
v363_𝖋 = 120203
print(hex(v363_f), 'v363_f')
v364_𝖑 = 120209
print(hex(v364_l), 'v364_l')
v365_𝖗 = 120215
print(hex(v365_r), 'v365_r')
v366_𝖝 = 120221
print(hex(v366_x), 'v366_x')
v367_𝖣 = 120227
print(hex(v367_D), 'v367_D')
v368_𝖩 = 120233
print(hex(v368_J), 'v368_J')
v369_𝖯 = 120239
print(hex(v369_P), 'v369_P')
v370_𝖵 = 120245
print(hex(v370_V), 'v370_V')
v371_𝖻 = 120251
print(hex(v371_b), 'v371_b')
v372_𝗁 = 120257
print(hex(v372_h), 'v372_h')
v373_𝗇 = 120263
print(hex(v373_n), 'v373_n')
v374_𝗍 = 120269
print(hex(v374_t), 'v374_t')
v375_𝗓 = 120275
print(hex(v375_z), 'v375_z')
v376_𝗙 = 120281
print(hex(v376_F), 'v376_F')
v377_𝗟 = 120287
print(hex(v377_L), 'v377_L')
v378_𝗥 = 120293
print(hex(v378_R), 'v378_R')
v379_𝗫 = 120299
print(hex(v379_X), 'v379_X')
v380_𝗱 = 120305
print(hex(v380_d), 'v380_d')
v381_𝗷 = 120311
print(hex(v381_j), 'v381_j')
v382_𝗽 = 120317
print(hex(v382_p), 'v382_p')
v383_𝘃 = 120323
print(hex(v383_v), 'v383_v')
v384_𝘉 = 120329
print(hex(v384_B), 'v384_B')
v385_𝘏 = 120335
print(hex(v385_H), 'v385_H')
v386_𝘕 = 120341
print(hex(v386_N), 'v386_N')
v387_𝘛 = 120347
print(hex(v387_T), 'v387_T')
v388_𝘡 = 120353
print(hex(v388_Z), 'v388_Z')
v389_𝘧 = 120359
print(hex(v389_f), 'v389_f')
v390_𝘭 = 120365
print(hex(v390_l), 'v390_l')
v391_𝘳 = 120371
print(hex(v391_r), 'v391_r')
v392_𝘹 = 120377
print(hex(v392_x), 'v392_x')
v393_𝘿 = 120383
print(hex(v393_D), 'v393_D')
v394_𝙅 = 120389
print(hex(v394_J), 'v394_J')
v395_𝙋 = 120395
print(hex(v395_P), 'v395_P')
v396_𝙑 = 120401
print(hex(v396_V), 'v396_V')
v397_𝙗 = 120407
print(hex(v397_b), 'v397_b')
v398_𝙝 = 120413
print(hex(v398_h), 'v398_h')
v399_𝙣 = 120419
print(hex(v399_n), 'v399_n')
v400_𝙩 = 120425
print(hex(v400_t), 'v400_t')
v401_𝙯 = 120431
print(hex(v401_z), 'v401_z')
v402_𝙵 = 120437
print(hex(v402_F), 'v402_F')
v403_𝙻 = 120443
print(hex(v403_L), 'v403_L')
v404_𝚁 = 120449
print(hex(v404_R), 'v404_R')
v405_𝚇 = 120455
print(hex(v405_X), 'v405_X')
v406_𝚍 = 120461
print(hex(v406_d), 'v406_d')
v407_𝚓 = 120467
print(hex(v407_j), 'v407_j')
v408_𝚙 = 120473
print(hex(v408_p), 'v408_p')
v409_𝚟 = 120479
print(hex(v409_v), 'v409_v')
v410_𝚥 = 120485
print(hex(v410_ȷ), 'v410_ȷ')
v411_𝚭 = 120493
print(hex(v411_Ζ), 'v411_Ζ')
v412_𝚳 = 120499
print(hex(v412_Μ), 'v412_Μ')
v413_𝚹 = 120505
print(hex(v413_Θ), 'v413_Θ')
v414_𝚿 = 120511
print(hex(v414_Ψ), 'v414_Ψ')
v415_𝛆 = 120518
print(hex(v415_ε), 'v415_ε')
v416_𝛌 = 120524
print(hex(v416_λ), 'v416_λ')
v417_𝛒 = 120530
print(hex(v417_ρ), 'v417_ρ')
v418_𝛘 = 120536
print(hex(v418_χ), 'v418_χ')
v419_𝛟 = 120543
print(hex(v419_φ), 'v419_φ')
v420_𝛥 = 120549
print(hex(v420_Δ), 'v420_Δ')
v421_𝛫 = 120555
print(hex(v421_Κ), 'v421_Κ')
v422_𝛱 = 120561
print(hex(v422_Π), 'v422_Π')
v423_𝛷 = 120567
print(hex(v423_Φ), 'v423_Φ')
v424_𝛾 = 120574
print(hex(v424_γ), 'v424_γ')
v425_𝜄 = 120580
print(hex(v425_ι), 'v425_ι')
v426_𝜊 = 120586
print(hex(v426_ο), 'v426_ο')
v427_𝜐 = 120592
print(hex(v427_υ), 'v427_υ')
v428_𝜗 = 120599
print(hex(v428_θ), 'v428_θ')
v429_𝜝 = 120605
print(hex(v429_Β), 'v429_Β')
v430_𝜣 = 120611
print(hex(v430_Θ), 'v430_Θ')
v431_𝜩 = 120617
print(hex(v431_Ξ), 'v431_Ξ')
v432_𝜯 = 120623
print(hex(v432_Τ), 'v432_Τ')
v433_𝜶 = 120630
print(hex(v433_α), 'v433_α')
v434_𝜼 = 120636
print(hex(v434_η), 'v434_η')
v435_𝝂 = 120642
print(hex(v435_ν), 'v435_ν')
v436_𝝈 = 120648
print(hex(v436_σ), 'v436_σ')
v437_𝝎 = 120654
print(hex(v437_ω), 'v437_ω')
v438_𝝕 = 120661
print(hex(v438_π), 'v438_π')
v439_𝝛 = 120667
print(hex(v439_Ζ), 'v439_Ζ')
v440_𝝡 = 120673
print(hex(v440_Μ), 'v440_Μ')
v441_𝝧 = 120679
print(hex(v441_Θ), 'v441_Θ')
v442_𝝭 = 120685
print(hex(v442_Ψ), 'v442_Ψ')
v443_𝝴 = 120692
print(hex(v443_ε), 'v443_ε')
v444_𝝺 = 120698
print(hex(v444_λ), 'v444_λ')
v445_𝞀 = 120704
print(hex(v445_ρ), 'v445_ρ')
v446_𝞆 = 120710
print(hex(v446_χ), 'v446_χ')
v447_𝞍 = 120717
print(hex(v447_φ), 'v447_φ')
v448_𝞓 = 120723
print(hex(v448_Δ), 'v448_Δ')
v449_𝞙 = 120729
print(hex(v449_Κ), 'v449_Κ')
v450_𝞟 = 120735
print(hex(v450_Π), 'v450_Π')
v451_𝞥 = 120741
print(hex(v451_Φ), 'v451_Φ')
v452_𝞬 = 120748
print(hex(v452_γ), 'v452_γ')
v453_𝞲 = 120754
print(hex(v453_ι), 'v453_ι')
v454_𝞸 = 120760
print(hex(v454_ο), 'v454_ο')
v455_𝞾 = 120766
print(hex(v455_υ), 'v455_υ')
v456_𝟅 = 120773
print(hex(v456_θ), 'v456_θ')
v457_𝟋 = 120779
print(hex(v457_ϝ), 'v457_ϝ')
v458_𝟓 = 120787
print(hex(v458_5), 'v458_5')
v459_𝟙 = 120793
print(hex(v459_1), 'v459_1')
v460_𝟟 = 120799
print(hex(v460_7), 'v460_7')
v461_𝟥 = 120805
print(hex(v461_3), 'v461_3')
v462_𝟫 = 120811
print(hex(v462_9), 'v462_9')
v463_𝟱 = 120817
print(hex(v463_5), 'v463_5')
v464_𝟷 = 120823
print(hex(v464_1), 'v464_1')
v465_𝟽 = 120829
print(hex(v465_7), 'v465_7')
v466_𞸃 = 126467
print(hex(v466_د), 'v466_د')
v467_𞸊 = 126474
print(hex(v467_ك), 'v467_ك')
v468_𞸐 = 126480
print(hex(v468_ف), 'v468_ف')
v469_𞸖 = 126486
print(hex(v469_ث), 'v469_ث')
v470_𞸜 = 126492
print(hex(v470_ٮ), 'v470_ٮ')
v471_𞸤 = 126500
print(hex(v471_ه), 'v471_ه')
v472_𞸭 = 126509
print(hex(v472_ن), 'v472_ن')
v473_𞸴 = 126516
print(hex(v473_ش), 'v473_ش')
v474_𞹂 = 126530
print(hex(v474_ج), 'v474_ج')
v475_𞹏 = 126543
print(hex(v475_ع), 'v475_ع')
v476_𞹛 = 126555
print(hex(v476_غ), 'v476_غ')
v477_𞹧 = 126567
print(hex(v477_ح), 'v477_ح')
v478_𞹮 = 126574
print(hex(v478_س), 'v478_س')
v479_𞹵 = 126581
print(hex(v479_ت), 'v479_ت')
v480_𞹼 = 126588
print(hex(v480_ٮ), 'v480_ٮ')
v481_𞺄 = 126596
print(hex(v481_ه), 'v481_ه')
v482_𞺋 = 126603
print(hex(v482_ل), 'v482_ل')
v483_𞺑 = 126609
print(hex(v483_ص), 'v483_ص')
v484_𞺗 = 126615
print(hex(v484_خ), 'v484_خ')
v485_𞺢 = 126626
print(hex(v485_ج), 'v485_ج')
v486_𞺩 = 126633
print(hex(v486_ي), 'v486_ي')
v487_𞺰 = 126640
print(hex(v487_ف), 'v487_ف')
v488_𞺶 = 126646
print(hex(v488_ث), 'v488_ث')
v489_🯰 = 130032
print(hex(v489_0), 'v489_0')
v490_🯶 = 130038
print(hex(v490_6), 'v490_6')
v491_乁 = 194562
print(hex(v491_乁), 'v491_乁')
v492_偺 = 194568
print(hex(v492_偺), 'v492_偺')
v493_免 = 194574
print(hex(v493_免), 'v493_免')
v494_內 = 194580
print(hex(v494_內), 'v494_內')
v495_冬 = 194586
print(hex(v495_冬), 'v495_冬')
v496_刻 = 194592
print(hex(v496_刻), 'v496_刻')
v497_勉 = 194598
print(hex(v497_勉), 'v497_勉')
v498_卉 = 194604
print(hex(v498_卉), 'v498_卉')
v499_卿 = 194610
print(hex(v499_卿), 'v499_卿')
v500_𠭣 = 194616
print(hex(v500_𠭣), 'v500_𠭣')
v501_呈 = 194622
print(hex(v501_呈), 'v501_呈')
v502_啣 = 194628
print(hex(v502_啣), 'v502_啣')
v503_嗂 = 194634
print(hex(v503_嗂), 'v503_嗂')
v504_切 = 194640
print(hex(v504_切), 'v504_切')
v505_堲 = 194646
print(hex(v505_堲), 'v505_堲')
v506_夆 = 194652
print(hex(v506_夆), 'v506_夆')
v507_姬 = 194658
print(hex(v507_姬), 'v507_姬')
v508_㛼 = 194664
print(hex(v508_㛼), 'v508_㛼')
v509_寘 = 194670
print(hex(v509_寘), 'v509_寘')
v510_当 = 194676
print(hex(v510_当), 'v510_当')
v511_岍 = 194682
print(hex(v511_岍), 'v511_岍')
v512_嵼 = 194688
print(hex(v512_嵼), 'v512_嵼')
v513_帽 = 194694
print(hex(v513_帽), 'v513_帽')
v514_庳 = 194700
print(hex(v514_庳), 'v514_庳')
v515_𢌱 = 194706
print(hex(v515_𢌱), 'v515_𢌱')
v516_𦇚 = 194712
print(hex(v516_𦇚), 'v516_𦇚')
v517_志 = 194718
print(hex(v517_志), 'v517_志')
v518_𢛔 = 194724
print(hex(v518_𢛔), 'v518_𢛔')
v519_慺 = 194730
print(hex(v519_慺), 'v519_慺')
v520_懲 = 194736
print(hex(v520_懲), 'v520_懲')
v521_拔 = 194742
print(hex(v521_拔), 'v521_拔')
v522_掃 = 194748
print(hex(v522_掃), 'v522_掃')
v523_㨮 = 194754
print(hex(v523_㨮), 'v523_㨮')
v524_敏 = 194760
print(hex(v524_敏), 'v524_敏')
v525_㬙 = 194766
print(hex(v525_㬙), 'v525_㬙')
v526_最 = 194772
print(hex(v526_最), 'v526_最')
v527_朡 = 194778
print(hex(v527_朡), 'v527_朡')
v528_枅 = 194784
print(hex(v528_枅), 'v528_枅')
v529_椔 = 194790
print(hex(v529_椔), 'v529_椔')
v530_𣚣 = 194796
print(hex(v530_𣚣), 'v530_𣚣')
v531_㱎 = 194802
print(hex(v531_㱎), 'v531_㱎')
v532_𡴋 = 194808
print(hex(v532_𡴋), 'v532_𡴋')
v533_汧 = 194814
print(hex(v533_汧), 'v533_汧')
v534_浸 = 194820
print(hex(v534_浸), 'v534_浸')
v535_㴳 = 194826
print(hex(v535_㴳), 'v535_㴳')
v536_𣽞 = 194832
print(hex(v536_𣽞), 'v536_𣽞')
v537_㶖 = 194838
print(hex(v537_㶖), 'v537_㶖')
v538_煅 = 194844
print(hex(v538_煅), 'v538_煅')
v539_牐 = 194850
print(hex(v539_牐), 'v539_牐')
v540_獺 = 194856
print(hex(v540_獺), 'v540_獺')
v541_瑇 = 194862
print(hex(v541_瑇), 'v541_瑇')
v542_甤 = 194868
print(hex(v542_甤), 'v542_甤')
v543_瘐 = 194874
print(hex(v543_瘐), 'v543_瘐')
v544_直 = 194880
print(hex(v544_直), 'v544_直')
v545_真 = 194886
print(hex(v545_真), 'v545_真')
v546_䂖 = 194892
print(hex(v546_䂖), 'v546_䂖')
v547_𥘦 = 194898
print(hex(v547_𥘦), 'v547_𥘦')
v548_䄯 = 194904
print(hex(v548_䄯), 'v548_䄯')
v549_𥪧 = 194910
print(hex(v549_𥪧), 'v549_𥪧')
v550_䈧 = 194916
print(hex(v550_䈧), 'v550_䈧')
v551_紀 = 194922
print(hex(v551_紀), 'v551_紀')
v552_繅 = 194928
print(hex(v552_繅), 'v552_繅')
v553_罺 = 194934
print(hex(v553_罺), 'v553_罺')
v554_𦔣 = 194940
print(hex(v554_𦔣), 'v554_𦔣')
v555_育 = 194946
print(hex(v555_育), 'v555_育')
v556_𦞵 = 194952
print(hex(v556_𦞵), 'v556_𦞵')
v557_䑫 = 194958
print(hex(v557_䑫), 'v557_䑫')
v558_芳 = 194964
print(hex(v558_芳), 'v558_芳')
v559_荣 = 194970
print(hex(v559_荣), 'v559_荣')
v560_荓 = 194976
print(hex(v560_荓), 'v560_荓')
v561_𦳕 = 194982
print(hex(v561_𦳕), 'v561_𦳕')
v562_蕤 = 194988
print(hex(v562_蕤), 'v562_蕤')
v563_䕫 = 194994
print(hex(v563_䕫), 'v563_䕫')
v564_蚈 = 195000
print(hex(v564_蚈), 'v564_蚈')
v565_螆 = 195006
print(hex(v565_螆), 'v565_螆')
v566_衣 = 195012
print(hex(v566_衣), 'v566_衣')
v567_㒻 = 195018
print(hex(v567_㒻), 'v567_㒻')
v568_諭 = 195024
print(hex(v568_諭), 'v568_諭')
v569_贛 = 195030
print(hex(v569_贛), 'v569_贛')
v570_跰 = 195036
print(hex(v570_跰), 'v570_跰')
v571_邔 = 195042
print(hex(v571_邔), 'v571_邔')
v572_鋗 = 195048
print(hex(v572_鋗), 'v572_鋗')
v573_開 = 195054
print(hex(v573_開), 'v573_開')
v574_嶲 = 195060
print(hex(v574_嶲), 'v574_嶲')
v575_韠 = 195066
print(hex(v575_韠), 'v575_韠')
v576_頩 = 195072
print(hex(v576_頩), 'v576_頩')
v577_駂 = 195078
print(hex(v577_駂), 'v577_駂')
v578_鳽 = 195084
print(hex(v578_鳽), 'v578_鳽')
v579_𪄅 = 195090
print(hex(v579_𪄅), 'v579_𪄅')
v580_黾 = 195096
print(hex(v580_黾), 'v580_黾')
