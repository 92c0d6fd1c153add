# Reference runner for differential.rubygems: Gem::Version and Gem::Requirement from Ruby's own
# RubyGems. usage: ruby rubygems_reference.rb compare|contains INPUT OUTPUT
# A range is a comma-separated requirement list, as in a Gemfile or an advisory
# (">= 1.0, < 2"): each part goes to Gem::Requirement.new as one argument.
# Answers per line: -1 / 0 / 1, true / false, or "invalid: <reason>".

def answer(mode, first, second)
  if mode == 'compare'
    (Gem::Version.new(first) <=> Gem::Version.new(second)).to_s
  else
    requirement = Gem::Requirement.new(*first.split(',', -1))
    requirement.satisfied_by?(Gem::Version.new(second)).to_s
  end
rescue ArgumentError, Gem::Requirement::BadRequirementError => e
  "invalid: #{e.message.gsub(/\s+/, ' ')}"
rescue StandardError => e # anything else RubyGems raises is still a rejection
  "invalid: #{e.class}: #{e.message.gsub(/\s+/, ' ')}"
end

mode, input_path, output_path = ARGV
lines = File.binread(input_path).force_encoding(Encoding::UTF_8).split("\n", -1)
lines.pop if !lines.empty? && lines.last.empty?
File.open(output_path, 'w') do |out|
  lines.each do |line|
    first, second = line.split("\t", 2)
    out.write(answer(mode, first, second || ''), "\n")
  end
end
