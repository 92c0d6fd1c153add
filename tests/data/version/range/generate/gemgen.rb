srand(3)
vers = %w[0.9 1.0 1.0.0 1.0.a 1.0.1 1.1 1.1.pre 1.2 2.0 2.0.8 2.0.9 2.1 2.1.a 2.1.0.b 3.0 1.0-1 2.0.8.1]
ops = ['', '=', '!=', '>', '<', '>=', '<=', '~>']
vs = %w[1 1.0 1.0.0 2.0.8 2.1 1.1.pre 2 1.a 0]
3000.times do
  n = 1 + rand(2)
  reqs = (1..n).map { ops.sample + [' ', ''].sample + vs.sample }
  s = reqs.join(', ')
  v = vers.sample
  r = begin
    req = Gem::Requirement.new(*reqs)
    req.satisfied_by?(Gem::Version.new(v)) ? 'true true' : 'false false'
  rescue Gem::Requirement::BadRequirementError, ArgumentError
    'ERR'
  end
  puts "#{s}\t#{v}\t#{r}"
end
