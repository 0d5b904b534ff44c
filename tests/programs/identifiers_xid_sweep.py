# Identifiers over a sample of every letter and mark CPython accepts in a
# name (XID_Start first, XID_Continue after; generated from CPython's
# unicodedata): each must be accepted and name one variable. Characters
# that NFKC changes or that carry combining marks are in identifiers_nfkc_sweep.
œs0 = 339
print(œs0)
s1Ȧ = 550
print(s1Ȧ)
όs2 = 972
print(όs2)
s3ҟ = 1183
print(s3ҟ)
ղs4 = 1394
print(ղs4)
s5م = 1605
print(s5م)
ܘs6 = 1816
print(ܘs6)
s7ࢾ = 2238
print(s7ࢾ)
ଷs8 = 2871
print(ଷs8)
s9ఊ = 3082
print(s9ఊ)
ೝs10 = 3293
print(ೝs10)
s11ධ = 3504
print(s11ධ)
བs12 = 3926
print(བs12)
s13ဩ = 4137
print(s13ဩ)
ᇏs14 = 4559
print(ᇏs14)
s15ኢ = 4770
print(s15ኢ)
ᑈs16 = 5192
print(ᑈs16)
s17ᔛ = 5403
print(s17ᔛ)
ᗮs18 = 5614
print(ᗮs18)
s19ᛁ = 5825
print(s19ᛁ)
បs20 = 6036
print(បs20)
s21ᡧ = 6247
print(s21ᡧ)
ᨍs22 = 6669
print(ᨍs22)
c23᮳ = 7091
print(c23᮳)
ᲆs24 = 7302
print(ᲆs24)
s25Ḭ = 7724
print(s25Ḭ)
ỿs26 = 7935
print(ỿs26)
s27ῒ = 8146
print(s27ῒ)
Ⱟs28 = 11311
print(Ⱟs28)
s29ⴂ = 11522
print(s29ⴂ)
ⷕs30 = 11733
print(ⷕs30)
s31ぎ = 12366
print(s31ぎ)
ㄡs32 = 12577
print(ㄡs32)
s33ㇴ = 12788
print(s33ㇴ)
㑭s34 = 13421
print(㑭s34)
s35㕀 = 13632
print(s35㕀)
㘓s36 = 13843
print(㘓s36)
s37㛦 = 14054
print(s37㛦)
㞹s38 = 14265
print(㞹s38)
s39㢌 = 14476
print(s39㢌)
㥟s40 = 14687
print(㥟s40)
s41㨲 = 14898
print(s41㨲)
㬅s42 = 15109
print(㬅s42)
s43㯘 = 15320
print(s43㯘)
㲫s44 = 15531
print(㲫s44)
s45㵾 = 15742
print(s45㵾)
㹑s46 = 15953
print(㹑s46)
s47㼤 = 16164
print(s47㼤)
㿷s48 = 16375
print(㿷s48)
s49䃊 = 16586
print(s49䃊)
䆝s50 = 16797
print(䆝s50)
s51䉰 = 17008
print(s51䉰)
䍃s52 = 17219
print(䍃s52)
s53䐖 = 17430
print(s53䐖)
䓩s54 = 17641
print(䓩s54)
s55䖼 = 17852
print(s55䖼)
䚏s56 = 18063
print(䚏s56)
s57䝢 = 18274
print(s57䝢)
䠵s58 = 18485
print(䠵s58)
s59䤈 = 18696
print(s59䤈)
䧛s60 = 18907
print(䧛s60)
s61䪮 = 19118
print(s61䪮)
䮁s62 = 19329
print(䮁s62)
s63䱔 = 19540
print(s63䱔)
䴧s64 = 19751
print(䴧s64)
s65仍 = 20173
print(s65仍)
侠s66 = 20384
print(侠s66)
s67偳 = 20595
print(s67偳)
兆s68 = 20806
print(兆s68)
s69则 = 21017
print(s69则)
勬s70 = 21228
print(勬s70)
s71县 = 21439
print(s71县)
咒s72 = 21650
print(咒s72)
s73啥 = 21861
print(s73啥)
嘸s74 = 22072
print(嘸s74)
s75國 = 22283
print(s75國)
埞s76 = 22494
print(埞s76)
s77墱 = 22705
print(s77墱)
妄s78 = 22916
print(妄s78)
s79婗 = 23127
print(s79婗)
嬪s80 = 23338
print(嬪s80)
s81寽 = 23549
print(s81寽)
峐s82 = 23760
print(峐s82)
s83嶣 = 23971
print(s83嶣)
并s84 = 24182
print(并s84)
s85彉 = 24393
print(s85彉)
怜s86 = 24604
print(怜s86)
s87惯 = 24815
print(s87惯)
懂s88 = 25026
print(懂s88)
s89投 = 25237
print(s89投)
捨s90 = 25448
print(捨s90)
s91搻 = 25659
print(s91搻)
攎s92 = 25870
print(攎s92)
s93旡 = 26081
print(s93旡)
暴s94 = 26292
print(暴s94)
s95枇 = 26503
print(s95枇)
桚s96 = 26714
print(桚s96)
s97椭 = 26925
print(s97椭)
樀s98 = 27136
print(樀s98)
s99櫓 = 27347
print(s99櫓)
殦s100 = 27558
print(殦s100)
s101汹 = 27769
print(s101汹)
浌s102 = 27980
print(浌s102)
s103渟 = 28191
print(s103渟)
滲s104 = 28402
print(滲s104)
s105濅 = 28613
print(s105濅)
炘s106 = 28824
print(炘s106)
s107煫 = 29035
print(s107煫)
爾s108 = 29246
print(爾s108)
s109猑 = 29457
print(s109猑)
珤s110 = 29668
print(珤s110)
s111璷 = 29879
print(s111璷)
疊s112 = 30090
print(疊s112)
s113癝 = 30301
print(s113癝)
眰s114 = 30512
print(眰s114)
s115砃 = 30723
print(s115砃)
磖s116 = 30934
print(磖s116)
s117禩 = 31145
print(s117禩)
穼s118 = 31356
print(穼s118)
s119筏 = 31567
print(s119筏)
簢s120 = 31778
print(簢s120)
s121糵 = 31989
print(s121糵)
緈s122 = 32200
print(緈s122)
s123纛 = 32411
print(s123纛)
置s124 = 32622
print(置s124)
s125聁 = 32833
print(s125聁)
脔s126 = 33044
print(脔s126)
s127臧 = 33255
print(s127臧)
芺s128 = 33466
print(芺s128)
s129莍 = 33677
print(s129莍)
葠s130 = 33888
print(葠s130)
s131蔳 = 34099
print(s131蔳)
蘆s132 = 34310
print(蘆s132)
s133蛙 = 34521
print(s133蛙)
螬s134 = 34732
print(螬s134)
s135衿 = 34943
print(s135衿)
襒s136 = 35154
print(襒s136)
s137訥 = 35365
print(s137訥)
諸s138 = 35576
print(諸s138)
s139诋 = 35787
print(s139诋)
貞s140 = 35998
print(貞s140)
s141赱 = 36209
print(s141赱)
蹄s142 = 36420
print(蹄s142)
s143輗 = 36631
print(s143輗)
迪s144 = 36842
print(迪s144)
s145邽 = 37053
print(s145邽)
醐s146 = 37264
print(醐s146)
s147鉣 = 37475
print(s147鉣)
錶s148 = 37686
print(錶s148)
s149鐉 = 37897
print(s149鐉)
铜s150 = 38108
print(铜s150)
s151閯 = 38319
print(s151閯)
隂s152 = 38530
print(隂s152)
s153靕 = 38741
print(s153靕)
頨s154 = 38952
print(頨s154)
s155飻 = 39163
print(s155飻)
駎s156 = 39374
print(駎s156)
s157骡 = 39585
print(s157骡)
魴s158 = 39796
print(魴s158)
s159鱇 = 40007
print(s159鱇)
鴚s160 = 40218
print(鴚s160)
s161鷭 = 40429
print(s161鷭)
黀s162 = 40640
print(黀s162)
s163龓 = 40851
print(s163龓)
ꁦs164 = 41062
print(ꁦs164)
s165ꄹ = 41273
print(s165ꄹ)
ꈌs166 = 41484
print(ꈌs166)
s167ꋟ = 41695
print(s167ꋟ)
ꎲs168 = 41906
print(ꎲs168)
s169ꒅ = 42117
print(s169ꒅ)
ꕘs170 = 42328
print(ꕘs170)
s171ꘫ = 42539
print(s171ꘫ)
ꟑs172 = 42961
print(ꟑs172)
s173ꢤ = 43172
print(s173ꢤ)
ꥷs174 = 43383
print(ꥷs174)
s175ꩊ = 43594
print(s175ꩊ)
c176꯰ = 44016
print(c176꯰)
s177곃 = 44227
print(s177곃)
궖s178 = 44438
print(궖s178)
s179깩 = 44649
print(s179깩)
꼼s180 = 44860
print(꼼s180)
s181뀏 = 45071
print(s181뀏)
냢s182 = 45282
print(냢s182)
s183놵 = 45493
print(s183놵)
늈s184 = 45704
print(늈s184)
s185덛 = 45915
print(s185덛)
됮s186 = 46126
print(됮s186)
s187딁 = 46337
print(s187딁)
뗔s188 = 46548
print(뗔s188)
s189뚧 = 46759
print(s189뚧)
띺s190 = 46970
print(띺s190)
s191롍 = 47181
print(s191롍)
뤠s192 = 47392
print(뤠s192)
s193맳 = 47603
print(s193맳)
뫆s194 = 47814
print(뫆s194)
s195뮙 = 48025
print(s195뮙)
뱬s196 = 48236
print(뱬s196)
s197봿 = 48447
print(s197봿)
븒s198 = 48658
print(븒s198)
s199뻥 = 48869
print(s199뻥)
뾸s200 = 49080
print(뾸s200)
s201삋 = 49291
print(s201삋)
셞s202 = 49502
print(셞s202)
s203숱 = 49713
print(s203숱)
쌄s204 = 49924
print(쌄s204)
s205쏗 = 50135
print(s205쏗)
쒪s206 = 50346
print(쒪s206)
s207약 = 50557
print(s207약)
왐s208 = 50768
print(왐s208)
s209윣 = 50979
print(s209윣)
쟶s210 = 51190
print(쟶s210)
s211죉 = 51401
print(s211죉)
즜s212 = 51612
print(즜s212)
s213쩯 = 51823
print(s213쩯)
쭂s214 = 52034
print(쭂s214)
s215찕 = 52245
print(s215찕)
쳨s216 = 52456
print(쳨s216)
s217춻 = 52667
print(s217춻)
캎s218 = 52878
print(캎s218)
s219콡 = 53089
print(s219콡)
퀴s220 = 53300
print(퀴s220)
s221턇 = 53511
print(s221턇)
퇚s222 = 53722
print(퇚s222)
s223튭 = 53933
print(s223튭)
펀s224 = 54144
print(펀s224)
s225푓 = 54355
print(s225푓)
픦s226 = 54566
print(픦s226)
s227헹 = 54777
print(s227헹)
훌s228 = 54988
print(훌s228)
s229힟 = 55199
print(s229힟)
𐀂s230 = 65538
print(𐀂s230)
s231𐃕 = 65749
print(s231𐃕)
𐐡s232 = 66593
print(𐐡s232)
s233𐓴 = 66804
print(s233𐓴)
𐚚s234 = 67226
print(𐚚s234)
s235𐡀 = 67648
print(s235𐡀)
𐤓s236 = 67859
print(𐤓s236)
s237𐮌 = 68492
print(s237𐮌)
c238𐴲 = 68914
print(c238𐴲)
s239𑅑 = 69969
print(s239𑅑)
𑈤s240 = 70180
print(𑈤s240)
c241𑋷 = 70391
print(c241𑋷)
𑒝s242 = 70813
print(𑒝s242)
s243𑜖 = 71446
print(s243𑜖)
𑢼s244 = 71868
print(𑢼s244)
s245𑩢 = 72290
print(s245𑩢)
𑰈s246 = 72712
print(𑰈s246)
s247𒀧 = 73767
print(s247𒀧)
𒃺s248 = 73978
print(𒃺s248)
s249𒇍 = 74189
print(s249𒇍)
𒊠s250 = 74400
print(𒊠s250)
s251𒍳 = 74611
print(s251𒍳)
𒑆s252 = 74822
print(𒑆s252)
s253𒔙 = 75033
print(s253𒔙)
𒿐s254 = 77776
print(𒿐s254)
s255𓂣 = 77987
print(s255𓂣)
𓅶s256 = 78198
print(𓅶s256)
s257𓉉 = 78409
print(s257𓉉)
𓌜s258 = 78620
print(𓌜s258)
s259𓏯 = 78831
print(s259𓏯)
𔑫s260 = 83051
print(𔑫s260)
s261𔔾 = 83262
print(s261𔔾)
𔘑s262 = 83473
print(𔘑s262)
s263𖢯 = 92335
print(s263𖢯)
𖦂s264 = 92546
print(𖦂s264)
s265𖩕 = 92757
print(s265𖩕)
𖬨s266 = 92968
print(𖬨s266)
s267𖹴 = 93812
print(s267𖹴)
𖽇s268 = 94023
print(𖽇s268)
s269𗀚 = 94234
print(s269𗀚)
𗃭s270 = 94445
print(𗃭s270)
s271𗇀 = 94656
print(s271𗇀)
𗊓s272 = 94867
print(𗊓s272)
s273𗍦 = 95078
print(s273𗍦)
𗐹s274 = 95289
print(𗐹s274)
s275𗔌 = 95500
print(s275𗔌)
𗗟s276 = 95711
print(𗗟s276)
s277𗚲 = 95922
print(s277𗚲)
𗞅s278 = 96133
print(𗞅s278)
s279𗡘 = 96344
print(s279𗡘)
𗤫s280 = 96555
print(𗤫s280)
s281𗧾 = 96766
print(s281𗧾)
𗫑s282 = 96977
print(𗫑s282)
s283𗮤 = 97188
print(s283𗮤)
𗱷s284 = 97399
print(𗱷s284)
s285𗵊 = 97610
print(s285𗵊)
𗸝s286 = 97821
print(𗸝s286)
s287𗻰 = 98032
print(s287𗻰)
𗿃s288 = 98243
print(𗿃s288)
s289𘂖 = 98454
print(s289𘂖)
𘅩s290 = 98665
print(𘅩s290)
s291𘈼 = 98876
print(s291𘈼)
𘌏s292 = 99087
print(𘌏s292)
s293𘏢 = 99298
print(s293𘏢)
𘒵s294 = 99509
print(𘒵s294)
s295𘖈 = 99720
print(s295𘖈)
𘙛s296 = 99931
print(𘙛s296)
s297𘜮 = 100142
print(s297𘜮)
𘠁s298 = 100353
print(𘠁s298)
s299𘣔 = 100564
print(s299𘣔)
𘦧s300 = 100775
print(𘦧s300)
s301𘩺 = 100986
print(s301𘩺)
𘭍s302 = 101197
print(𘭍s302)
s303𘰠 = 101408
print(s303𘰠)
𛁤s304 = 110692
print(𛁤s304)
s305𛈊 = 111114
print(s305𛈊)
𛋝s306 = 111325
print(𛋝s306)
s307𞄅 = 123141
print(s307𞄅)
𞊫s308 = 123563
print(𞊫s308)
s309𞡰 = 125040
print(s309𞡰)
𞥃s310 = 125251
print(𞥃s310)
s311𠁗 = 131159
print(s311𠁗)
𠄪s312 = 131370
print(𠄪s312)
s313𠇽 = 131581
print(s313𠇽)
𠋐s314 = 131792
print(𠋐s314)
s315𠎣 = 132003
print(s315𠎣)
𠑶s316 = 132214
print(𠑶s316)
s317𠕉 = 132425
print(s317𠕉)
𠘜s318 = 132636
print(𠘜s318)
s319𠛯 = 132847
print(s319𠛯)
𠟂s320 = 133058
print(𠟂s320)
s321𠢕 = 133269
print(s321𠢕)
𠥨s322 = 133480
print(𠥨s322)
s323𠨻 = 133691
print(s323𠨻)
𠬎s324 = 133902
print(𠬎s324)
s325𠯡 = 134113
print(s325𠯡)
𠲴s326 = 134324
print(𠲴s326)
s327𠶇 = 134535
print(s327𠶇)
𠹚s328 = 134746
print(𠹚s328)
s329𠼭 = 134957
print(s329𠼭)
𡀀s330 = 135168
print(𡀀s330)
s331𡃓 = 135379
print(s331𡃓)
𡆦s332 = 135590
print(𡆦s332)
s333𡉹 = 135801
print(s333𡉹)
𡍌s334 = 136012
print(𡍌s334)
s335𡐟 = 136223
print(s335𡐟)
𡓲s336 = 136434
print(𡓲s336)
s337𡗅 = 136645
print(s337𡗅)
𡚘s338 = 136856
print(𡚘s338)
s339𡝫 = 137067
print(s339𡝫)
𡠾s340 = 137278
print(𡠾s340)
s341𡤑 = 137489
print(s341𡤑)
𡧤s342 = 137700
print(𡧤s342)
s343𡪷 = 137911
print(s343𡪷)
𡮊s344 = 138122
print(𡮊s344)
s345𡱝 = 138333
print(s345𡱝)
𡴰s346 = 138544
print(𡴰s346)
s347𡸃 = 138755
print(s347𡸃)
𡻖s348 = 138966
print(𡻖s348)
s349𡾩 = 139177
print(s349𡾩)
𢁼s350 = 139388
print(𢁼s350)
s351𢅏 = 139599
print(s351𢅏)
𢈢s352 = 139810
print(𢈢s352)
s353𢋵 = 140021
print(s353𢋵)
𢏈s354 = 140232
print(𢏈s354)
s355𢒛 = 140443
print(s355𢒛)
𢕮s356 = 140654
print(𢕮s356)
s357𢙁 = 140865
print(s357𢙁)
𢜔s358 = 141076
print(𢜔s358)
s359𢟧 = 141287
print(s359𢟧)
𢢺s360 = 141498
print(𢢺s360)
s361𢦍 = 141709
print(s361𢦍)
𢩠s362 = 141920
print(𢩠s362)
s363𢬳 = 142131
print(s363𢬳)
𢰆s364 = 142342
print(𢰆s364)
s365𢳙 = 142553
print(s365𢳙)
𢶬s366 = 142764
print(𢶬s366)
s367𢹿 = 142975
print(s367𢹿)
𢽒s368 = 143186
print(𢽒s368)
s369𣀥 = 143397
print(s369𣀥)
𣃸s370 = 143608
print(𣃸s370)
s371𣇋 = 143819
print(s371𣇋)
𣊞s372 = 144030
print(𣊞s372)
s373𣍱 = 144241
print(s373𣍱)
𣑄s374 = 144452
print(𣑄s374)
s375𣔗 = 144663
print(s375𣔗)
𣗪s376 = 144874
print(𣗪s376)
s377𣚽 = 145085
print(s377𣚽)
𣞐s378 = 145296
print(𣞐s378)
s379𣡣 = 145507
print(s379𣡣)
𣤶s380 = 145718
print(𣤶s380)
s381𣨉 = 145929
print(s381𣨉)
𣫜s382 = 146140
print(𣫜s382)
s383𣮯 = 146351
print(s383𣮯)
𣲂s384 = 146562
print(𣲂s384)
s385𣵕 = 146773
print(s385𣵕)
𣸨s386 = 146984
print(𣸨s386)
s387𣻻 = 147195
print(s387𣻻)
𣿎s388 = 147406
print(𣿎s388)
s389𤂡 = 147617
print(s389𤂡)
𤅴s390 = 147828
print(𤅴s390)
s391𤉇 = 148039
print(s391𤉇)
𤌚s392 = 148250
print(𤌚s392)
s393𤏭 = 148461
print(s393𤏭)
𤓀s394 = 148672
print(𤓀s394)
s395𤖓 = 148883
print(s395𤖓)
𤙦s396 = 149094
print(𤙦s396)
s397𤜹 = 149305
print(s397𤜹)
𤠌s398 = 149516
print(𤠌s398)
s399𤣟 = 149727
print(s399𤣟)
𤦲s400 = 149938
print(𤦲s400)
s401𤪅 = 150149
print(s401𤪅)
𤭘s402 = 150360
print(𤭘s402)
s403𤰫 = 150571
print(s403𤰫)
𤳾s404 = 150782
print(𤳾s404)
s405𤷑 = 150993
print(s405𤷑)
𤺤s406 = 151204
print(𤺤s406)
s407𤽷 = 151415
print(s407𤽷)
𥁊s408 = 151626
print(𥁊s408)
s409𥄝 = 151837
print(s409𥄝)
𥇰s410 = 152048
print(𥇰s410)
s411𥋃 = 152259
print(s411𥋃)
𥎖s412 = 152470
print(𥎖s412)
s413𥑩 = 152681
print(s413𥑩)
𥔼s414 = 152892
print(𥔼s414)
s415𥘏 = 153103
print(s415𥘏)
𥛢s416 = 153314
print(𥛢s416)
s417𥞵 = 153525
print(s417𥞵)
𥢈s418 = 153736
print(𥢈s418)
s419𥥛 = 153947
print(s419𥥛)
𥨮s420 = 154158
print(𥨮s420)
s421𥬁 = 154369
print(s421𥬁)
𥯔s422 = 154580
print(𥯔s422)
s423𥲧 = 154791
print(s423𥲧)
𥵺s424 = 155002
print(𥵺s424)
s425𥹍 = 155213
print(s425𥹍)
𥼠s426 = 155424
print(𥼠s426)
s427𥿳 = 155635
print(s427𥿳)
𦃆s428 = 155846
print(𦃆s428)
s429𦆙 = 156057
print(s429𦆙)
𦉬s430 = 156268
print(𦉬s430)
s431𦌿 = 156479
print(s431𦌿)
𦐒s432 = 156690
print(𦐒s432)
s433𦓥 = 156901
print(s433𦓥)
𦖸s434 = 157112
print(𦖸s434)
s435𦚋 = 157323
print(s435𦚋)
𦝞s436 = 157534
print(𦝞s436)
s437𦠱 = 157745
print(s437𦠱)
𦤄s438 = 157956
print(𦤄s438)
s439𦧗 = 158167
print(s439𦧗)
𦪪s440 = 158378
print(𦪪s440)
s441𦭽 = 158589
print(s441𦭽)
𦱐s442 = 158800
print(𦱐s442)
s443𦴣 = 159011
print(s443𦴣)
𦷶s444 = 159222
print(𦷶s444)
s445𦻉 = 159433
print(s445𦻉)
𦾜s446 = 159644
print(𦾜s446)
s447𧁯 = 159855
print(s447𧁯)
𧅂s448 = 160066
print(𧅂s448)
s449𧈕 = 160277
print(s449𧈕)
𧋨s450 = 160488
print(𧋨s450)
s451𧎻 = 160699
print(s451𧎻)
𧒎s452 = 160910
print(𧒎s452)
s453𧕡 = 161121
print(s453𧕡)
𧘴s454 = 161332
print(𧘴s454)
s455𧜇 = 161543
print(s455𧜇)
𧟚s456 = 161754
print(𧟚s456)
s457𧢭 = 161965
print(s457𧢭)
𧦀s458 = 162176
print(𧦀s458)
s459𧩓 = 162387
print(s459𧩓)
𧬦s460 = 162598
print(𧬦s460)
s461𧯹 = 162809
print(s461𧯹)
𧳌s462 = 163020
print(𧳌s462)
s463𧶟 = 163231
print(s463𧶟)
𧹲s464 = 163442
print(𧹲s464)
s465𧽅 = 163653
print(s465𧽅)
𨀘s466 = 163864
print(𨀘s466)
s467𨃫 = 164075
print(s467𨃫)
𨆾s468 = 164286
print(𨆾s468)
s469𨊑 = 164497
print(s469𨊑)
𨍤s470 = 164708
print(𨍤s470)
s471𨐷 = 164919
print(s471𨐷)
𨔊s472 = 165130
print(𨔊s472)
s473𨗝 = 165341
print(s473𨗝)
𨚰s474 = 165552
print(𨚰s474)
s475𨞃 = 165763
print(s475𨞃)
𨡖s476 = 165974
print(𨡖s476)
s477𨤩 = 166185
print(s477𨤩)
𨧼s478 = 166396
print(𨧼s478)
s479𨫏 = 166607
print(s479𨫏)
𨮢s480 = 166818
print(𨮢s480)
s481𨱵 = 167029
print(s481𨱵)
𨵈s482 = 167240
print(𨵈s482)
s483𨸛 = 167451
print(s483𨸛)
𨻮s484 = 167662
print(𨻮s484)
s485𨿁 = 167873
print(s485𨿁)
𩂔s486 = 168084
print(𩂔s486)
s487𩅧 = 168295
print(s487𩅧)
𩈺s488 = 168506
print(𩈺s488)
s489𩌍 = 168717
print(s489𩌍)
𩏠s490 = 168928
print(𩏠s490)
s491𩒳 = 169139
print(s491𩒳)
𩖆s492 = 169350
print(𩖆s492)
s493𩙙 = 169561
print(s493𩙙)
𩜬s494 = 169772
print(𩜬s494)
s495𩟿 = 169983
print(s495𩟿)
𩣒s496 = 170194
print(𩣒s496)
s497𩦥 = 170405
print(s497𩦥)
𩩸s498 = 170616
print(𩩸s498)
s499𩭋 = 170827
print(s499𩭋)
𩰞s500 = 171038
print(𩰞s500)
s501𩳱 = 171249
print(s501𩳱)
𩷄s502 = 171460
print(𩷄s502)
s503𩺗 = 171671
print(s503𩺗)
𩽪s504 = 171882
print(𩽪s504)
s505𪀽 = 172093
print(s505𪀽)
𪄐s506 = 172304
print(𪄐s506)
s507𪇣 = 172515
print(s507𪇣)
𪊶s508 = 172726
print(𪊶s508)
s509𪎉 = 172937
print(s509𪎉)
𪑜s510 = 173148
print(𪑜s510)
s511𪔯 = 173359
print(s511𪔯)
𪘂s512 = 173570
print(𪘂s512)
s513𪛕 = 173781
print(s513𪛕)
𪞨s514 = 173992
print(𪞨s514)
s515𪡻 = 174203
print(s515𪡻)
𪥎s516 = 174414
print(𪥎s516)
s517𪨡 = 174625
print(s517𪨡)
𪫴s518 = 174836
print(𪫴s518)
s519𪯇 = 175047
print(s519𪯇)
𪲚s520 = 175258
print(𪲚s520)
s521𪵭 = 175469
print(s521𪵭)
𪹀s522 = 175680
print(𪹀s522)
s523𪼓 = 175891
print(s523𪼓)
𪿦s524 = 176102
print(𪿦s524)
s525𫂹 = 176313
print(s525𫂹)
𫆌s526 = 176524
print(𫆌s526)
s527𫉟 = 176735
print(s527𫉟)
𫌲s528 = 176946
print(𫌲s528)
s529𫐅 = 177157
print(s529𫐅)
𫓘s530 = 177368
print(𫓘s530)
s531𫖫 = 177579
print(s531𫖫)
𫙾s532 = 177790
print(𫙾s532)
s533𫝑 = 178001
print(s533𫝑)
𫠤s534 = 178212
print(𫠤s534)
s535𫣷 = 178423
print(s535𫣷)
𫧊s536 = 178634
print(𫧊s536)
s537𫪝 = 178845
print(s537𫪝)
𫭰s538 = 179056
print(𫭰s538)
s539𫱃 = 179267
print(s539𫱃)
𫴖s540 = 179478
print(𫴖s540)
s541𫷩 = 179689
print(s541𫷩)
𫺼s542 = 179900
print(𫺼s542)
s543𫾏 = 180111
print(s543𫾏)
𬁢s544 = 180322
print(𬁢s544)
s545𬄵 = 180533
print(s545𬄵)
𬈈s546 = 180744
print(𬈈s546)
s547𬋛 = 180955
print(s547𬋛)
𬎮s548 = 181166
print(𬎮s548)
s549𬒁 = 181377
print(s549𬒁)
𬕔s550 = 181588
print(𬕔s550)
s551𬘧 = 181799
print(s551𬘧)
𬛺s552 = 182010
print(𬛺s552)
s553𬟍 = 182221
print(s553𬟍)
𬢠s554 = 182432
print(𬢠s554)
s555𬥳 = 182643
print(s555𬥳)
𬩆s556 = 182854
print(𬩆s556)
s557𬬙 = 183065
print(s557𬬙)
𬯬s558 = 183276
print(𬯬s558)
s559𬲿 = 183487
print(s559𬲿)
𬶒s560 = 183698
print(𬶒s560)
s561𬹥 = 183909
print(s561𬹥)
𬼸s562 = 184120
print(𬼸s562)
s563𭀋 = 184331
print(s563𭀋)
𭃞s564 = 184542
print(𭃞s564)
s565𭆱 = 184753
print(s565𭆱)
𭊄s566 = 184964
print(𭊄s566)
s567𭍗 = 185175
print(s567𭍗)
𭐪s568 = 185386
print(𭐪s568)
s569𭓽 = 185597
print(s569𭓽)
𭗐s570 = 185808
print(𭗐s570)
s571𭚣 = 186019
print(s571𭚣)
𭝶s572 = 186230
print(𭝶s572)
s573𭡉 = 186441
print(s573𭡉)
𭤜s574 = 186652
print(𭤜s574)
s575𭧯 = 186863
print(s575𭧯)
𭫂s576 = 187074
print(𭫂s576)
s577𭮕 = 187285
print(s577𭮕)
𭱨s578 = 187496
print(𭱨s578)
s579𭴻 = 187707
print(s579𭴻)
𭸎s580 = 187918
print(𭸎s580)
s581𭻡 = 188129
print(s581𭻡)
𭾴s582 = 188340
print(𭾴s582)
s583𮂇 = 188551
print(s583𮂇)
𮅚s584 = 188762
print(𮅚s584)
s585𮈭 = 188973
print(s585𮈭)
𮌀s586 = 189184
print(𮌀s586)
s587𮏓 = 189395
print(s587𮏓)
𮒦s588 = 189606
print(𮒦s588)
s589𮕹 = 189817
print(s589𮕹)
𮙌s590 = 190028
print(𮙌s590)
s591𮜟 = 190239
print(s591𮜟)
𮟲s592 = 190450
print(𮟲s592)
s593𮣅 = 190661
print(s593𮣅)
𮦘s594 = 190872
print(𮦘s594)
s595𮩫 = 191083
print(s595𮩫)
𮬾s596 = 191294
print(𮬾s596)
s597𰂬 = 196780
print(s597𰂬)
𰅿s598 = 196991
print(𰅿s598)
s599𰉒 = 197202
print(s599𰉒)
𰌥s600 = 197413
print(𰌥s600)
s601𰏸 = 197624
print(s601𰏸)
𰓋s602 = 197835
print(𰓋s602)
s603𰖞 = 198046
print(s603𰖞)
𰙱s604 = 198257
print(𰙱s604)
s605𰝄 = 198468
print(s605𰝄)
𰠗s606 = 198679
print(𰠗s606)
s607𰣪 = 198890
print(s607𰣪)
𰦽s608 = 199101
print(𰦽s608)
s609𰪐 = 199312
print(s609𰪐)
𰭣s610 = 199523
print(𰭣s610)
s611𰰶 = 199734
print(s611𰰶)
𰴉s612 = 199945
print(𰴉s612)
s613𰷜 = 200156
print(s613𰷜)
𰺯s614 = 200367
print(𰺯s614)
s615𰾂 = 200578
print(s615𰾂)
𱁕s616 = 200789
print(𱁕s616)
s617𱄨 = 201000
print(s617𱄨)
𱇻s618 = 201211
print(𱇻s618)
s619𱋎 = 201422
print(s619𱋎)
c620󠄇 = 917767
print(c620󠄇)
c621󠇚 = 917978
print(c621󠇚)
