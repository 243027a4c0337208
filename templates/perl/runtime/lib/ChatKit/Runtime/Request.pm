package ChatKit::Runtime::Request;

use strict;
use warnings;

use Exporter qw(import);
use Scalar::Util qw(blessed);
use ChatKit::Runtime::JSON qw(json_encode json_kind);
use ChatKit::Runtime::Types qw(encode_value fail);

our $VERSION   = '0.01';
our @EXPORT_OK = qw(encode_path add_query header_text cookie_pieces
  multipart_body form_body pct);

my $UNRESERVED = qr/[^A-Za-z0-9\-._~]/xms;
my $RESERVED   = qr/[^A-Za-z0-9\-._~:\/?#\[\]@!\$&'()*+,;=%]/xms;

# Percent-encode every byte outside A-Z a-z 0-9 - . _ ~ (UTF-8 first).
sub pct {
    my ( $text, $keep_reserved ) = @_;
    utf8::encode($text) if utf8::is_utf8($text);
    my $re = $keep_reserved ? $RESERVED : $UNRESERVED;
    $text =~ s/($re)/sprintf '%%%02X', ord $1/gexms;
    return $text;
}

# The text of a scalar: booleans as true/false, numbers and strings as they are.
sub _text {
    my ($value) = @_;
    my $kind = json_kind($value);
    return $value ? 'true' : 'false' if $kind eq 'boolean';
    return "$value";
}

# The keys of an object value: a model's in its schema's order, a hash's sorted.
sub _keys {
    my ($value) = @_;
    if ( blessed $value && $value->can('_fields') ) {
        my @declared = grep { exists $value->{_v}{$_} } map { $_->{key} } @{ $value->_fields };
        return ( @declared, sort keys %{ $value->{_x} } );
    }
    my @keys = sort keys %{$value};
    return @keys;
}

# (kind, items): a value as a list (array), pairs (object) or one scalar.
sub _shape {
    my ($value) = @_;
    my @keys = ref $value ? ( json_kind( encode_value($value) ) eq 'object' ? _keys($value) : () ) : ();
    $value = encode_value($value);
    my $kind = json_kind($value);
    return ( 'array', [ map { _text($_) } @{$value} ] ) if $kind eq 'array';
    if ( $kind eq 'object' ) {
        return ( 'object', [ map { ( $_, _text( $value->{$_} ) ) } @keys ] );
    }
    return ( 'scalar', [ _text($value) ] );
}

sub _empty {
    my ($value) = @_;
    return 1 if !defined $value;
    return 1 if ref $value eq 'ARRAY' && !@{$value};
    return 1 if ref $value eq 'HASH'  && !%{$value};
    return 0;
}

sub _path_value {
    my ( $name, $value, $style, $explode ) = @_;
    my ( $kind, $items ) = _shape($value);
    my @members = map { pct($_) } @{$items};
    if ( $kind eq 'object' ) {
        my @pairs;
        while ( my ( $key, $item ) = splice @members, 0, 2 ) {
            push @pairs, $explode ? "$key=$item" : ( $key, $item );
        }
        @members = @pairs;
    }
    my $joined = join q{,}, @members;
    if ( $style eq 'matrix' ) {
        my $key = pct($name);
        return join q{}, map { ";$key=$_" } @members
          if $explode && $kind eq 'array';
        return $explode && $kind eq 'object'
          ? join q{}, map { ";$_" } @members
          : ";$key=$joined";
    }
    if ( $style eq 'label' ) {
        return q{.} . join( $explode ? q{.} : q{,}, @members );
    }
    return $joined;
}

# Fill the {name} placeholders with [name, value, style, explode]; every value is
# percent-encoded, and "", "." and ".." are rejected (they would change the path).
sub encode_path {
    my ( $template, $values ) = @_;
    my %texts;
    for my $entry ( @{$values} ) {
        my ( $name, $value, $style, $explode ) = @{$entry};
        my $text = _path_value( $name, $value, $style || 'simple', $explode );
        fail( $name, 'must be non-empty' ) if $text eq q{};
        fail( $name, "must not be '$text' in a path" )
          if $text eq q{.} || $text eq q{..};
        $texts{$name} = $text;
    }
    ( my $path = $template ) =~ s/\{([^}]+)\}/$texts{$1} \/\/ "{$1}"/gexms;
    return $path;
}

# Append the query pieces ("name=value") of one parameter to @$out.
sub add_query {
    my ( $out, $name, $value, $style, $explode, $reserved ) = @_;
    return if _empty($value);
    my ( $kind, $items ) = _shape($value);
    my $key = pct($name);
    my @enc = map { pct( $_, $reserved ) } @{$items};
    my $sep =
        $style eq 'spaceDelimited' ? '%20'
      : $style eq 'pipeDelimited'  ? '%7C'
      :                              q{,};
    if ( $kind eq 'object' && $style eq 'deepObject' ) {
        my @raw = @{$items};
        while ( my ( $k, $v ) = splice @raw, 0, 2 ) {
            push @{$out}, $key . '%5B' . pct($k) . '%5D=' . pct( $v, $reserved );
        }
        return;
    }
    if ( $kind eq 'object' && $explode && $style eq 'form' ) {
        while ( my ( $k, $v ) = splice @enc, 0, 2 ) { push @{$out}, "$k=$v" }
        return;
    }
    if ( $kind eq 'array' && $explode && $style eq 'form' ) {
        push @{$out}, map { "$key=$_" } @enc;
        return;
    }
    push @{$out}, "$key=" . join $sep, @enc;
    return;
}

# The text of a header parameter (simple style), or undef when it is left out.
sub header_text {
    my ( $value, $explode ) = @_;
    return if _empty($value);
    my ( $kind, $items ) = _shape($value);
    return $items->[0] if $kind eq 'scalar';
    return join q{,}, @{$items} if $kind eq 'array';
    my @pairs = @{$items};
    my @out;
    while ( my ( $k, $v ) = splice @pairs, 0, 2 ) {
        push @out, $explode ? "$k=$v" : ( $k, $v );
    }
    return join q{,}, @out;
}

# The "name=value" pieces of a cookie parameter (form style).
sub cookie_pieces {
    my ( $name, $value, $explode ) = @_;
    return if _empty($value);
    my ( $kind, $items ) = _shape($value);
    return ( "$name=" . pct( $items->[0] ) ) if $kind eq 'scalar';
    return map { "$name=" . pct($_) } @{$items} if $kind eq 'array' && $explode;
    if ( $kind eq 'object' && $explode ) {
        my @pairs = @{$items};
        my @out;
        while ( my ( $k, $v ) = splice @pairs, 0, 2 ) { push @out, "$k=" . pct($v) }
        return @out;
    }
    return "$name=" . join q{,}, map { pct($_) } @{$items};
}

# application/x-www-form-urlencoded text of a hash.
sub form_body {
    my ($data) = @_;
    my @out;
    $data = encode_value($data);
    for my $key ( sort keys %{$data} ) {
        my $value = $data->{$key};
        if ( json_kind($value) eq 'object' || json_kind($value) eq 'array' ) {
            $value = json_encode($value);
        }
        add_query( \@out, $key, $value, 'form', 1 );
    }
    return join q{&}, @out;
}

sub _part {
    my ( $name, $value ) = @_;
    my ( $body, $type, $file ) = ( undef, 'text/plain; charset=utf-8', undef );
    if ( ref $value eq 'HASH' && ( exists $value->{content} || exists $value->{path} ) )
    {
        $file = $value->{filename};
        $type = $value->{content_type} || 'application/octet-stream';
        if ( defined $value->{path} ) {
            open my $fh, '<:raw', $value->{path}
              or fail( $name, "cannot read $value->{path}: $!" );
            local $/ = undef;
            $body = <$fh>;
            close $fh or fail( $name, "cannot read $value->{path}: $!" );
            ( $file = $value->{path} ) =~ s{.*/}{}xms if !defined $file;
        }
        else { $body = $value->{content} }
        $file = $name if !defined $file;
    }
    elsif ( ref $value eq 'GLOB' ) {
        local $/ = undef;
        binmode $value;
        ( $body, $type, $file ) = ( readline($value) // q{}, 'application/octet-stream', $name );
    }
    elsif ( ref $value || blessed $value ) {
        my $kind = json_kind( encode_value($value) );
        if ( $kind eq 'boolean' ) { $body = $value ? 'true' : 'false' }
        else {
            ( $body, $type ) = ( json_encode( encode_value($value) ), 'application/json' );
        }
    }
    else { $body = "$value"; utf8::encode($body) if utf8::is_utf8($body) }
    my $disposition = qq{form-data; name="$name"};
    $disposition .= qq{; filename="$file"} if defined $file;
    return "Content-Disposition: $disposition\r\nContent-Type: $type\r\n\r\n$body";
}

# (content type, body) of a multipart/form-data request: a hash of fields, where a
# file is { content => $bytes | path => $file, filename => ..., content_type => ... }.
sub multipart_body {
    my ($data) = @_;
    my $boundary = sprintf 'oasgen-%08x%08x', int rand 2**32, int rand 2**32;
    my @parts;
    for my $name ( sort keys %{$data} ) {
        my $value = $data->{$name};
        next if !defined $value;
        my @values = ref $value eq 'ARRAY' ? @{$value} : ($value);
        push @parts, map { _part( $name, $_ ) } @values;
    }
    my $body = join q{}, map { "--$boundary\r\n$_\r\n" } @parts;
    return ( "multipart/form-data; boundary=$boundary", "$body--$boundary--\r\n" );
}

1;

__END__

=head1 NAME

ChatKit::Runtime::Request - the wire form of parameters and bodies

=head1 DESCRIPTION

Path, query, header and cookie parameters in every OpenAPI style, and form and
multipart bodies. Path values are always percent-encoded, so C<a/b> or C<../x> cannot
change the endpoint; an empty value, C<.> and C<..> are rejected.

=head1 FUNCTIONS

=over 4

=item encode_path($template, \@values)

=item add_query(\@out, $name, $value, $style, $explode, $allow_reserved)

=item header_text($value, $explode)

=item cookie_pieces($name, $value, $explode)

=item form_body(\%data)

=item multipart_body(\%data)

=item pct($text, $keep_reserved)

=back

=cut
